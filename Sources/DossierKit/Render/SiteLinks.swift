import Foundation

/// Where the cross-reference pages of names live, shared by every page that links to them.
struct SiteLinks: Sendable {
    /// A kind of cross-reference page: its folder and the names it is about.
    enum Kind: String, CaseIterable, Sendable {
        case owners, segments, competitors, tags
    }

    private var sluggers: [Kind: NameSlugger] = [:]
    /// The slugs of the site's `offerings` (dossier.yml), whose pages live in `offerings/`.
    private var offeringSlugger = NameSlugger(names: [String]())

    /// `offerings` are the site's offerings, in dossier.yml's order: each gets a page.
    init(accounts: [Account], offerings: [String] = []) {
        for kind in Kind.allCases {
            sluggers[kind] = NameSlugger(names: accounts.flatMap { Self.names(of: kind, in: $0.dossier) })
        }
        offeringSlugger = NameSlugger(names: offerings)
    }

    /// The folder of the offering pages, relative to the site root.
    static let offeringsFolder = "offerings"

    /// The list of offerings (the offering directory), relative to the site root.
    static let offeringsIndexPath = "\(offeringsFolder)/index.html"

    /// The page of one of the site's offerings, relative to the site root.
    func path(ofOffering offering: String) -> String {
        "\(Self.offeringsFolder)/\(offeringSlugger.slug(for: offering))/index.html"
    }

    /// An account's report, relative to the site root.
    static func reportPath(ofAccount slug: String) -> String { "accounts/\(slug)/index.html" }

    /// An account's pre-meeting brief, relative to the site root.
    static func briefPath(ofAccount slug: String) -> String { "accounts/\(slug)/brief.html" }

    /// The list of every account (paginated), relative to the site root.
    static let accountsIndexPath = "accounts/index.html"
    /// The list of every finding, most urgent first (paginated), relative to the site root.
    static let findingsIndexPath = "findings/index.html"
    /// The list of every account's next meeting (paginated), relative to the site root.
    static let meetingsIndexPath = "meetings/index.html"

    /// The list of the accounts in one cell of the portfolio matrix (paginated), relative to the site root;
    /// the matrix links its cells there above `PortfolioMatrix.densityThreshold` accounts.
    static func path(ofMatrixCell cell: PortfolioMatrix.Cell) -> String {
        "matrix/attractiveness-\(cell.attractiveness)-strength-\(cell.strength)/index.html"
    }

    /// The page of a stage, relative to the site root.
    static func path(ofStage stage: Stage) -> String { "stages/\(stage.rawValue)/index.html" }

    /// Page `number` (from 1) of the paginated list whose first page is `listPath` (a `…/index.html`):
    /// the first page is the list's own, page N is `<folder>/page/N/index.html`.
    static func path(ofPage number: Int, inList listPath: String) -> String {
        guard number > 1 else { return listPath }
        let folder = listPath.hasSuffix("index.html") ? String(listPath.dropLast("index.html".count)) : listPath + "/"
        return "\(folder)page/\(number)/index.html"
    }

    /// The way from the page at `path` (relative to the site root) up to the root: `../` per folder.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
    }

    /// The calendar feed of every account's next meeting (iCalendar), relative to the site root.
    static let meetingsCalendarPath = "meetings.ics"
    /// The portfolio as a spreadsheet (`PortfolioTable`), linked from the portfolio page.
    static let portfolioTablePath = "portfolio.csv"

    /// The calendar feed of an owner (or team member): beside their page, relative to the site root.
    func calendarPath(ofOwner name: String) -> String {
        "\(Kind.owners.rawValue)/\(slugger(for: .owners).slug(for: name))/calendar.ics"
    }

    /// The absolute address of a file of the site, when the settings give the site's `base_url`.
    static func address(of path: String, baseURL: String?) -> String? {
        guard let baseURL else { return nil }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return baseURL + encoded
    }

    /// The names an account has of a kind; owners include team members.
    static func names(of kind: Kind, in dossier: Dossier) -> [String] {
        switch kind {
        case .owners: [dossier.owner] + dossier.team
        case .segments: dossier.segments.map(\.name)
        case .competitors: dossier.competitors.map(\.name)
        case .tags: dossier.tags
        }
    }

    func slugger(for kind: Kind) -> NameSlugger {
        sluggers[kind] ?? NameSlugger(names: [String]())
    }

    /// The page of a name, relative to the site root.
    func path(of name: String, kind: Kind) -> String {
        "\(kind.rawValue)/\(slugger(for: kind).slug(for: name))/index.html"
    }

    /// A link to a name's page: `{name, url}`.
    func link(_ name: String, kind: Kind, root: String) -> Context {
        ["name": name, "url": root + path(of: name, kind: kind)]
    }
}
