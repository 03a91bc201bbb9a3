import Foundation
import Testing
@testable import DossierKit

/// Long lists cut into pages of at most 200 rows (`Pagination`, `ListPage`), the pages the renderer plans
/// for them, and their keys.
@Suite struct PaginationTests {
    @Test(arguments: [(0, 1), (1, 1), (199, 1), (200, 1), (201, 2), (400, 2), (401, 3), (2000, 10), (10_000, 50)])
    func aListTakesAsManyPagesAsItsRowsNeed(_ rows: Int, _ pages: Int) {
        let pagination = Pagination(rowCount: rows)
        #expect(pagination.pageCount == pages)
        let sizes = pagination.pageNumbers.map { pagination.rows(ofPage: $0).count }
        #expect(sizes.reduce(0, +) == rows)
        #expect(sizes.dropLast().allSatisfy { $0 == Pagination.rowsPerPage })
        #expect(sizes.allSatisfy { $0 <= Pagination.rowsPerPage })
        // Every row is on exactly one page, and `page(ofRow:)` finds it.
        let positions = pagination.pageNumbers.flatMap { pagination.rows(ofPage: $0) }
        #expect(positions == Array(0..<rows))
        for position in [0, rows / 2, rows - 1] where position >= 0 && rows > 0 {
            #expect(pagination.rows(ofPage: pagination.page(ofRow: position)).contains(position))
        }
        #expect(pagination.rows(ofPage: pages + 1).isEmpty)
    }

    @Test func pagesLiveUnderPageNInTheListsFolder() {
        #expect(SiteLinks.path(ofPage: 1, inList: "stages/mid/index.html") == "stages/mid/index.html")
        #expect(SiteLinks.path(ofPage: 2, inList: "stages/mid/index.html") == "stages/mid/page/2/index.html")
        #expect(SiteLinks.path(ofPage: 12, inList: "accounts/index.html") == "accounts/page/12/index.html")
        #expect(SiteLinks.root(of: "index.html") == "")
        #expect(SiteLinks.root(of: "stages/mid/page/2/index.html") == "../../../../")
        let page = ListPage(listPath: "owners/mei-chen/index.html", number: 3, pagination: Pagination(rowCount: 900))
        #expect(page.path == "owners/mei-chen/page/3/index.html")
        #expect(page.url(ofPage: 1) == "../../../../owners/mei-chen/index.html")
        #expect(page.url(ofPage: 4) == "../../../../owners/mei-chen/page/4/index.html")
        #expect(page.rows == 400..<600)
    }

    @Test func theNavigationNamesTheEndsAndTheNeighboursAndMarksGaps() {
        let pagination = Pagination(rowCount: 50 * 200)
        #expect(pagination.navigationNumbers(around: 1) == [1, 2, 3, 4, nil, 50])
        #expect(pagination.navigationNumbers(around: 20) == [1, nil, 17, 18, 19, 20, 21, 22, 23, nil, 50])
        #expect(pagination.navigationNumbers(around: 50) == [1, nil, 47, 48, 49, 50])
        #expect(Pagination(rowCount: 600).navigationNumbers(around: 2) == [1, 2, 3])
    }

    // MARK: - The pages the renderer plans

    /// `count` accounts `account-0001`…, spread over stages, three owners (each on another's team), two
    /// tags, with a meeting each; even ones are assessed.
    static func accounts(_ count: Int) throws -> [Account] {
        let owners = ["Mei Chen", "Jonas Weber", "Aiko Tanaka"]
        let markdown = MarkdownRenderer()
        return try (1...count).map { number in
            let slug = String(format: "account-%04d", number)
            let stage = Stage.allCases[number % Stage.allCases.count]
            let day = 1 + number % 28
            var text = """
                ---
                name: Account \(String(format: "%04d", number))
                owner: \(owners[number % 3])
                team: [\(owners[(number + 1) % 3])]
                stage: \(stage.rawValue)
                reviewed: 2026-10-01
                tags: [tag-\(number % 2), everyone]
                next_meeting:
                  date: 2026-12-\(String(format: "%02d", day))
                  with: [Someone]
                financials:
                  currency: EUR
                  wallet:
                    total: \(number * 1000)

                """
            if number % 2 == 0 { text += "assessment:\n  attractiveness: \(1 + number % 5)\n  strength: \(1 + number / 5 % 5)\n" }
            text += "---\n\nNotes.\n"
            let (analyzed, diagnostics) = TestSupport.analyze(text, slug: slug)
            let dossier = try #require(analyzed, "\(diagnostics)")
            return Account(dossier, body: markdown.render(dossier.dossier.body))
        }
    }

    static func plan(_ accounts: [Account], keys: [String: PagePlanner.AccountKey] = [:]) throws -> [PageJob] {
        let theme = try #require(Theme.load(siteRoot: try TestSupport.makeTemporaryFolder()).0)
        return PagePlanner(theme: theme, config: SiteConfig(), asOf: TestSupport.asOf).plan(accounts, accountKeys: keys)
    }

    /// The slugs of the accounts a list page shows in its table rows, in order.
    static func rowSlugs(_ html: String) -> [String] {
        guard let body = html.range(of: "<tbody>"), let end = html.range(of: "</tbody>", options: .backwards) else { return [] }
        let table = html[body.upperBound..<end.lowerBound]
        return table.split(separator: "<tr>").compactMap { row -> String? in
            guard let start = row.range(of: "accounts/"), let stop = row[start.upperBound...].range(of: "/index.html") else { return nil }
            return String(row[start.upperBound..<stop.lowerBound])
        }
    }

    /// Follows `rel="next"` from the list's first page; returns each page's path and its rows.
    static func follow(_ listPath: String, in pages: [String: String]) throws -> [(path: String, rows: [String])] {
        var result: [(String, [String])] = []
        var path: String? = listPath
        while let current = path {
            let html = try #require(pages[current], "\(current) is not planned")
            result.append((current, rowSlugs(html)))
            #expect(result.count < 100, "rel=next loops")
            path = nil
            if let link = html.range(of: "<link rel=\"next\" href=\"") {
                let href = html[link.upperBound...].prefix { $0 != "\"" }
                path = URL(fileURLWithPath: "/site/" + current).deletingLastPathComponent().appendingPathComponent(String(href)).standardizedFileURL.path
                    .replacingOccurrences(of: "/site/", with: "")
                let back = try #require(pages[path ?? ""], "rel=next of \(current) leads nowhere")
                #expect(back.contains("<link rel=\"prev\""), "\(path ?? "") has no rel=prev")
            }
        }
        return result
    }

    @Test func everyAccountIsOnExactlyOnePageOfEachListAndRelNextReachesThemAll() throws {
        let accounts = try Self.accounts(450)
        let jobs = try Self.plan(accounts)
        let pages = Dictionary(jobs.filter { $0.path.hasSuffix(".html") && !$0.path.contains("/account-") }.map { ($0.path, $0.make()) }) { first, _ in first }
        let slugs = accounts.map(\.dossier.slug)

        let all = try Self.follow(SiteLinks.accountsIndexPath, in: pages)
        #expect(all.map(\.path) == ["accounts/index.html", "accounts/page/2/index.html", "accounts/page/3/index.html"])
        #expect(all.map(\.rows.count) == [200, 200, 50])
        #expect(all.flatMap(\.rows) == slugs, "the list of all accounts is in slug order, each once")

        var byStage: [String] = []
        for stage in Stage.allCases {
            let stagePages = try Self.follow(SiteLinks.path(ofStage: stage), in: pages)
            #expect(stagePages.count == 1, "75 accounts fit on one page")
            byStage += stagePages.flatMap(\.rows)
        }
        #expect(byStage.sorted() == slugs)

        let tagPages = try Self.follow("tags/everyone/index.html", in: pages)
        #expect(tagPages.map(\.rows.count) == [200, 200, 50])
        #expect(tagPages.flatMap(\.rows) == slugs)

        let meetings = try Self.follow(SiteLinks.meetingsIndexPath, in: pages)
        #expect(meetings.map(\.rows.count) == [200, 200, 50])
        #expect(meetings.flatMap(\.rows).sorted() == slugs)

        // An owner's pages list each member once: those they own in the table, the rest below it.
        for owner in ["mei-chen", "jonas-weber", "aiko-tanaka"] {
            let ownerPages = try Self.follow("owners/\(owner)/index.html", in: pages)
            #expect(ownerPages.count == 2, "150 owned and 150 on the team: 300 members on 2 pages")
            #expect(ownerPages.flatMap(\.rows).count == 150)
            let html = ownerPages.map { pages[$0.path] ?? "" }.joined()
            let mentions = slugs.filter { html.contains("accounts/\($0)/index.html") }
            #expect(mentions.count == 300)
            #expect(ownerPages.dropFirst().allSatisfy { !(pages[$0.path] ?? "").contains("id=\"week\"") }, "only the first page has the week")
        }

        // Page navigation is visible and links both ways; printing hides it.
        let second = try #require(pages["accounts/page/2/index.html"])
        #expect(second.contains("<link rel=\"prev\" href=\"../../../accounts/index.html\">"))
        #expect(second.contains("<link rel=\"next\" href=\"../../../accounts/page/3/index.html\">"))
        #expect(second.contains("<span aria-current=\"page\">2</span>"))
        #expect(second.contains("Rows 201 to 400 of 450"))
        #expect(second.contains("<title>All accounts, page 2 of 3 · "))
        let css = try #require(BuiltinTheme.files["style.css"])
        #expect(css.contains("@media print { nav.pager { display: none; } }"))
    }

    @Test func aListOfUpToAPageIsOnePageWithoutNavigation() throws {
        let jobs = try Self.plan(try Self.accounts(12))
        #expect(!jobs.contains { $0.path.contains("/page/") })
        let pages = Dictionary(jobs.map { ($0.path, $0) }) { first, _ in first }
        for path in ["accounts/index.html", "stages/mid/index.html", "owners/mei-chen/index.html", "tags/everyone/index.html", "meetings/index.html", "findings/index.html"] {
            let html = try #require(pages[path], "\(path) is not planned").make()
            #expect(!html.contains("rel=\"next\"") && !html.contains("nav class=\"pager\""), "\(path) has page navigation")
        }
        let portfolio = try #require(pages["index.html"]).make()
        #expect(portfolio.contains("<table class=\"accounts portfolio\">"), "up to a page of accounts, the portfolio lists them by stage")
        #expect(!jobs.contains { $0.path.hasPrefix("matrix/") }, "no cell lists below the matrix threshold")
    }

    @Test func thePortfolioShowsAggregatesAndTheFirstFiftyAboveAPage() throws {
        let accounts = try Self.accounts(450)
        let jobs = try Self.plan(accounts)
        let portfolio = try #require(jobs.first { $0.path == "index.html" }).make()
        #expect(!portfolio.contains("<table class=\"accounts portfolio\">"))
        #expect(portfolio.contains("<table class=\"figures totals\">"))
        #expect(portfolio.contains("href=\"accounts/index.html\">The list of all 450 accounts</a>"))
        #expect(portfolio.contains("href=\"meetings/index.html\">… and 400 more. All meetings</a>"))
        #expect(portfolio.contains("href=\"findings/index.html\">"))
        // 225 assessed accounts: the matrix draws counts per cell, each linking to a planned list.
        let cellLinks = portfolio.components(separatedBy: "<a href=\"matrix/").dropFirst().map { "matrix/" + $0.prefix { $0 != "\"" } }
        #expect(!cellLinks.isEmpty)
        let paths = Set(jobs.map(\.path))
        #expect(cellLinks.allSatisfy { paths.contains($0) })
        var inCells: [String] = []
        for link in cellLinks { inCells += try Self.follow(link, in: Dictionary(jobs.filter { $0.path.hasPrefix("matrix/") }.map { ($0.path, $0.make()) }) { a, _ in a }).flatMap(\.rows) }
        #expect(inCells.sorted() == accounts.filter { $0.dossier.assessment != nil }.map(\.dossier.slug))
        let markers = portfolio.components(separatedBy: "class=\"account account-").count - 1
        #expect(markers == PortfolioMatrix.markedAccounts)
        #expect(portfolio.utf8.count < 1_000_000)
    }

    @Test func urgentFindingsComeBySeverityThenWallet() throws {
        let ranked = PageContext.urgentFindings(try Self.accounts(60), SiteConfig())
        #expect(!ranked.isEmpty)
        for (earlier, later) in zip(ranked, ranked.dropFirst()) {
            #expect(earlier.finding.severity <= later.finding.severity)
            if earlier.finding.severity == later.finding.severity {
                let wallet = { (entry: (account: Account, finding: Finding)) in entry.account.dossier.financials?.wallet?.total ?? -1 }
                #expect(wallet(earlier) >= wallet(later))
            }
        }
    }

    @Test func editingOneAccountChangesTheKeysOfOnlyTheListPagesShowingIt() throws {
        let accounts = try Self.accounts(450)
        var keys = Dictionary(accounts.map { ($0.dossier.slug, PagePlanner.AccountKey(file: "f", frontMatter: "v1")) }) { a, _ in a }
        let before = try Self.plan(accounts, keys: keys)
        let edited = "account-0300"
        keys[edited] = PagePlanner.AccountKey(file: "f2", frontMatter: "v2")
        let after = try Self.plan(accounts, keys: keys)
        let oldKeys = Dictionary(before.map { ($0.path, $0.key) }) { a, _ in a }
        let changed = Set(after.filter { oldKeys[$0.path] != $0.key }.map(\.path))
        for listPage in ["accounts/index.html", "accounts/page/3/index.html", "tags/everyone/index.html", "tags/everyone/page/3/index.html"] {
            #expect(!changed.contains(listPage), "\(listPage) does not show \(edited) but was re-keyed")
        }
        #expect(changed.contains("accounts/page/2/index.html"))
        #expect(changed.contains("tags/everyone/page/2/index.html"))
        #expect(changed.contains("accounts/\(edited)/index.html"))
        #expect(changed.contains("index.html"), "the portfolio's aggregates show every account")
        let stage = Stage.allCases[300 % Stage.allCases.count]
        #expect(changed.contains(SiteLinks.path(ofStage: stage)))
        let otherStages = Stage.allCases.filter { $0 != stage }.map(SiteLinks.path(ofStage:))
        #expect(otherStages.allSatisfy { !changed.contains($0) }, "a stage page is keyed by its own accounts only")
    }
}
