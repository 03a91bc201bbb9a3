import Foundation

/// Creates new dossiers and new research sites; never overwrites a file.
public enum Scaffold {
    /// What went wrong creating files.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badSlug(String)
        case exists(String)
        case notEmpty(String)
        case writeFailed(String, reason: String)

        public var description: String {
            switch self {
            case .badSlug(let slug): Problem.badSlug(slug).message
            case .exists(let path): "\(path) already exists; nothing was written (dossier never overwrites your files)"
            case .notEmpty(let path): "\(path) is not empty; choose a new folder for the site"
            case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `content/accounts/<slug>.md` in the site with every section ready to fill; returns its path.
    public static func newDossier(slug: String, name: String?, owner: String?, in siteRoot: URL, today: Day) throws(Failure) -> String {
        guard Slug.isValid(slug) else { throw .badSlug(slug) }
        let path = "\(DossierFileLoader.accountsFolder)/\(slug).md"
        let existing = DossierFileLoader(siteRoot: siteRoot).dossierPaths()
        if let other = existing.first(where: { $0.split(separator: "/").last?.lowercased() == "\(slug).md" }) {
            throw .exists(other)
        }
        let text = DossierSkeleton.text(name: name ?? defaultName(for: slug), owner: owner ?? "Unassigned", today: today)
        try create(siteRoot.appendingPathComponent(path), text: text, displayPath: path)
        return path
    }

    /// The pre-commit hook's path in a site.
    public static let hookPath = ".githooks/pre-commit"

    /// Creates a research site in `folder` (which must be new or empty): settings, one example, .gitignore,
    /// and with `withHook` a pre-commit hook that checks staged dossiers.
    public static func initSite(at folder: URL, today: Day, withHook: Bool = false) throws(Failure) -> [String] {
        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.filter({ $0 != ".git" }).isEmpty else { throw .notEmpty(folder.path) }
        var files: [(String, String)] = [
            (SiteConfig.fileName, DossierSkeleton.siteConfig),
            (".gitignore", "# Build output and cache of dossier, and what an interrupted build leaves beside the output\noutput/\n.dossier-cache/\n.output.dossier-*\n"),
            ("\(DossierFileLoader.accountsFolder)/example-account.md", DossierSkeleton.text(name: "Example Account Ltd", owner: "Unassigned", today: today)),
        ]
        if withHook { files.append((hookPath, DossierSkeleton.preCommitHook)) }
        for (path, text) in files {
            try create(folder.appendingPathComponent(path), text: text, displayPath: path)
        }
        if withHook {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent(hookPath).path)
        }
        return files.map(\.0)
    }

    private static func defaultName(for slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private static func create(_ url: URL, text: String, displayPath: String) throws(Failure) {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: url.path) else { throw .exists(displayPath) }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file that appears meanwhile is still never replaced.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .writeFailed(displayPath, reason: error.localizedDescription)
        }
    }
}
