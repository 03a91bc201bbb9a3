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
        let loaded = loadFiles(reusing: nil)
        return (loaded.files, loaded.diagnostics, loaded.found)
    }

    /// Reads every dossier file but those whose bytes `cache` shows unchanged (by their stamp, or by
    /// their hash when the stamp cannot be trusted), which come back as `unchanged` paths and stamps instead.
    func loadFiles(reusing cache: BuildCache?)
        -> (files: [SourceFile], unchanged: [(path: String, stamp: FileStamp?)], diagnostics: [Diagnostic], found: Int) {
        var files: [SourceFile] = []
        var unchanged: [(path: String, stamp: FileStamp?)] = []
        var diagnostics: [Diagnostic] = []
        var pathBySlug: [String: String] = [:]
        let paths = dossierPaths()
        let isFolderLinked = hasLinkedFolder
        let progress = BuildProgress.begin(.reading, total: paths.count)
        for path in paths {
            defer { progress?.advance() }
            let slug = String(path.split(separator: "/").last?.dropLast(3) ?? "")  // drops ".md" in any case
            let location = SourceLocation(path: path)
            guard Slug.isValid(slug) else {
                diagnostics.append(Diagnostic(.error, .badSlug(slug), at: location, in: .load))
                continue
            }
            if let other = pathBySlug[slug] {
                diagnostics.append(Diagnostic(.error, .duplicateSlug(slug: slug, otherPath: other), at: location, in: .load))
                continue
            }
            pathBySlug[slug] = path
            if let problem = linkProblem(path, isFolderLinked: isFolderLinked) {
                diagnostics.append(Diagnostic(.error, problem, at: location, in: .load))
                continue
            }
            let stamp = FileStamp(path: siteRoot.path + "/" + path)
            if let source = cache?.sources[path], source.entry != nil, let known = source.stamp, known == stamp {
                unchanged.append((path, stamp))
                continue
            }
            do {
                var file = SourceFile(path: path, slug: slug, bytes: [UInt8](try Data(contentsOf: siteRoot.appendingPathComponent(path))))
                file.stamp = stamp
                if let source = cache?.sources[path], source.entry != nil, source.contentHash == file.contentHash {
                    unchanged.append((path, stamp))
                } else {
                    files.append(file)
                }
            } catch {
                diagnostics.append(Diagnostic(.error, .unreadable(reason: error.localizedDescription), at: location, in: .load))
            }
        }
        if paths.isEmpty {
            diagnostics.append(Self.notASite(siteRoot) ?? Diagnostic(.warning, .noDossiers, at: SourceLocation(path: Self.accountsFolder), in: .load))
        }
        return (files, unchanged, diagnostics, paths.count)
    }

    /// Why a dossier may not be read: it, or the accounts folder, leads out of the site (`SiteFile`).
    /// Only links are resolved, so a site without them costs one `lstat` per file.
    private func linkProblem(_ path: String, isFolderLinked: Bool) -> Problem? {
        let fullPath = siteRoot.path + "/" + path
        if isFolderLinked || SiteFile.isLink(fullPath) {
            return SiteFile.linkProblem(at: fullPath, in: siteRoot)
        }
        return nil
    }

    /// Whether `content` or `content/accounts` is itself a link.
    private var hasLinkedFolder: Bool {
        SiteFile.isLink(siteRoot.path + "/content") || SiteFile.isLink(siteRoot.path + "/" + Self.accountsFolder)
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
