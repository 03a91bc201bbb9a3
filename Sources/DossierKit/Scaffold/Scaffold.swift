import Foundation

/// Creates new dossiers and new research sites; never overwrites a file.
public enum Scaffold {
    /// What went wrong creating files.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badSlug(String)
        case exists(String)
        case notEmpty(String)
        case writeFailed(String, reason: String)
        case notASite(String)
        case badValue(option: String, reason: String)

        public var description: String {
            switch self {
            case .badSlug(let slug): Problem.badSlug(slug).message
            case .exists(let path): "\(path) already exists; nothing was written (dossier never overwrites your files)"
            case .notEmpty(let path): "\(path) is not empty; choose a new folder for the site"
            case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
            case .notASite(let path): "\(path): \(Problem.notASite.message); nothing was written"
            case .badValue(let option, let reason): "\(option) \(reason); nothing was written"
            }
        }
    }

    /// Writes `content/accounts/<slug>.md` in the site with every section ready to fill; returns its path.
    public static func newDossier(slug: String, name: String?, owner: String?, in siteRoot: URL, today: Day) throws(Failure) -> String {
        guard Slug.isValid(slug) else { throw .badSlug(slug) }
        guard DossierFileLoader.isSite(siteRoot) else { throw .notASite(siteRoot.path) }
        let path = "\(DossierFileLoader.accountsFolder)/\(slug).md"
        let existing = DossierFileLoader(siteRoot: siteRoot).dossierPaths()
        if let other = existing.first(where: { $0.split(separator: "/").last?.lowercased() == "\(slug).md" }) {
            throw .exists(other)
        }
        let name = name ?? defaultName(for: slug), owner = owner ?? "Unassigned"
        for (option, value) in [("--name", name), ("--owner", owner)] {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .badValue(option: option, reason: "is empty; it is required, so give it a value")
            }
            if value.contains(where: \.isNewline) {
                throw .badValue(option: option, reason: "has a line break; give it as one line of text")
            }
            if let character = NodeReader.firstControlCharacter(in: value) {
                throw .badValue(option: option, reason: "contains the control character \(character); leave it out")
            }
        }
        let text = DossierSkeleton.text(name: name, owner: owner, today: today)
        // What is written must pass `check`: any value the checks above let through but the format does not
        // (a control character, say) is refused here, before anything is written.
        let file = SourceFile(path: path, slug: slug, bytes: Array(text.utf8))
        if let error = DossierPipeline.process(file, config: SiteConfig(), asOf: today).1.first(where: { $0.severity == .error }) {
            throw .badValue(option: "the dossier", reason: "would not pass `dossier check`: \(error.message)")
        }
        try create(siteRoot.appendingPathComponent(path), text: text, displayPath: path)
        return path
    }

    /// The pre-commit hook's path in a site.
    public static let hookPath = ".githooks/pre-commit"

    /// What `init` did: the files it wrote, and the editor files it kept because the folder already had them.
    public struct Created: Sendable, Equatable {
        /// Paths relative to the site, in the order written.
        public var written: [String]
        public var kept: [EditorFiles.Kept]
    }

    /// Creates a research site in `folder` and returns the paths written (see `createSite`).
    public static func initSite(at folder: URL, today: Day, withHook: Bool = false) throws(Failure) -> [String] {
        try createSite(at: folder, today: today, withHook: withHook).written
    }

    /// Adds the editor files (`EditorFiles`) to an existing site; files it already has are kept.
    public static func addEditorFiles(to siteRoot: URL) throws(Failure) -> Created {
        guard DossierFileLoader.isSite(siteRoot) else { throw .notASite(siteRoot.path) }
        let (editorFiles, kept) = EditorFiles.plan(in: siteRoot)
        for (path, text) in editorFiles {
            try create(siteRoot.appendingPathComponent(path), text: text, displayPath: path)
        }
        return Created(written: editorFiles.map(\.path), kept: kept)
    }

    /// Creates a research site in `folder` (which must be new or empty but for `.git` and `.vscode`):
    /// settings, one example, .gitignore, the editor files (`EditorFiles`; those `.vscode` already has
    /// are kept), and with `withHook` a pre-commit hook that checks staged dossiers.
    public static func createSite(at folder: URL, today: Day, withHook: Bool = false) throws(Failure) -> Created {
        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.filter({ $0 != ".git" && $0 != EditorFiles.folder }).isEmpty else { throw .notEmpty(folder.path) }
        let (editorFiles, kept) = EditorFiles.plan(in: folder)
        var files: [(String, String)] = [
            (SiteConfig.fileName, DossierSkeleton.siteConfig),
            (".gitignore", "# Build output and cache of dossier, and what an interrupted build leaves beside the output\noutput/\n.dossier-cache/\n.output.dossier-*\n"),
            ("\(DossierFileLoader.accountsFolder)/example-account.md", DossierSkeleton.text(name: "Example Account Ltd", owner: "Unassigned", today: today)),
        ]
        if withHook { files.append((hookPath, DossierSkeleton.preCommitHook)) }
        files += editorFiles.map { ($0.path, $0.text) }
        for (path, text) in files {
            try create(folder.appendingPathComponent(path), text: text, displayPath: path)
        }
        if withHook {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent(hookPath).path)
        }
        return Created(written: files.map(\.0), kept: kept)
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
