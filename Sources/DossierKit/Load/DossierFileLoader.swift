import Foundation

/// Finds and reads every dossier file under `content/accounts/` of a site.
///
/// Files are `*.md`, in the folder or any sub-folder (to group accounts by region, say); hidden files and
/// folders are skipped. Paths come back sorted so every later stage sees the same order.
public struct DossierFileLoader: Sendable {
    /// The folder that holds dossiers, relative to the site root.
    public static let accountsFolder = "content/accounts"

    public var siteRoot: URL

    public init(siteRoot: URL) {
        self.siteRoot = siteRoot
    }

    /// Reads every dossier file; files that cannot be read, or have bad or duplicate slugs, become diagnostics.
    /// `found` counts every dossier file, including those refused here.
    public func loadFiles() -> (files: [SourceFile], diagnostics: [Diagnostic], found: Int) {
        let reader = SiteReader(siteRoot: siteRoot)
        let listing = DossierListing.list(with: reader)
        var files: [SourceFile] = []
        var diagnostics = listing.diagnostics
        for entry in listing.entries {
            switch DossierListing.read(entry, with: reader) {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, diagnostics, listing.found)
    }

    /// Whether `siteRoot` is a research site: it has a `content/accounts/` folder or a `dossier.yml`.
    /// Every command that reads a site refuses any other folder (a mistyped `--site`, say).
    public static func isSite(_ siteRoot: URL) -> Bool {
        notASite(siteRoot) == nil
    }

    /// The error for a folder that is not a research site, nil for a site.
    static func notASite(_ siteRoot: URL) -> Diagnostic? {
        var isFolder: ObjCBool = false
        let accounts = siteRoot.appendingPathComponent(accountsFolder).path
        let isSite = (FileManager.default.fileExists(atPath: accounts, isDirectory: &isFolder) && isFolder.boolValue)
            || FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(SiteConfig.fileName).path)
        return isSite ? nil : Diagnostic(.error, .notASite, at: SourceLocation(path: accountsFolder), in: .load)
    }

    /// Site-relative paths of every `.md` file under the accounts folder, sorted.
    func dossierPaths() -> [String] {
        let folder = siteRoot.appendingPathComponent(Self.accountsFolder).path
        return FileTree.regularFiles(under: folder, skipsHidden: true, includesFileLinks: true)
            .filter { $0.lowercased().hasSuffix(".md") }
            .map { "\(Self.accountsFolder)/\($0)" }
    }
}
