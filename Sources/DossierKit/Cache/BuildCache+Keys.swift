import Foundation

/// The keys a build compares with the cache's.
extension BuildCache {
    /// A hash of everything every page depends on besides the dossiers: the `dossier` binary (size and
    /// time), the settings file and every file under templates/ (through links that stay in the site,
    /// as the theme reads them), the as-of day and the build's options.
    static func settingsKey(for builder: SiteBuilder) -> String {
        var hasher = ContentHasher()
        hasher.add(format)
        hasher.add("asOf=\(builder.asOf) since=\(builder.since?.description ?? "-") history=\(builder.readsHistory) config=\(builder.configFile)")
        hasher.add("audience=\(builder.audience.map { "+" + $0 } ?? "-")")
        hasher.add("output=\(builder.output.standardizedFileURL.path)")
        hasher.add(binaryIdentity)
        let root = builder.siteRoot
        let files = [builder.configFile] + FileTree.regularFiles(under: root.appendingPathComponent("templates").path, skipsHidden: false, followsLinks: true, staysIn: root)
            .sorted().map { "templates/\($0)" }
        for path in files {
            hasher.add(path)
            hasher.add(FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data("missing".utf8))
        }
        return hasher.hexDigest
    }

    /// A hash of what a decoded dossier and its rendered body depend on: the binary, the settings file,
    /// the audience (private parts are dropped or marked as the body is rendered) and the strings
    /// files (the private label is part of the rendered body).
    static func sourcesKey(for builder: SiteBuilder) -> String {
        var hasher = ContentHasher()
        hasher.add(format)
        hasher.add(binaryIdentity)
        hasher.add(builder.configFile)
        hasher.add(FileManager.default.contents(atPath: builder.siteRoot.appendingPathComponent(builder.configFile).path) ?? Data("missing".utf8))
        hasher.add("audience=\(builder.audience.map { "+" + $0 } ?? "-")")
        let strings = builder.siteRoot.appendingPathComponent("templates/strings")
        for name in FileTree.regularFiles(under: strings.path, skipsHidden: false, followsLinks: true).sorted() {
            hasher.add(name)
            hasher.add(FileManager.default.contents(atPath: strings.appendingPathComponent(name).path) ?? Data("missing".utf8))
        }
        return hasher.hexDigest
    }

    /// The size and time of the running `dossier` binary: a new build of it may decode or render differently.
    private static var binaryIdentity: String {
        guard let executable = Bundle.main.executablePath, let stamp = FileStamp(path: executable) else { return "binary=?" }
        return "binary=\(stamp.size)/\(stamp.seconds).\(stamp.nanoseconds)"
    }

    /// git's `HEAD` and the status of the site's files, which the reports' history depends on.
    static func gitState(of siteRoot: URL) -> String {
        var hasher = ContentHasher()
        let git = Git(folder: siteRoot)
        for arguments in [["rev-parse", "HEAD"], ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "content"]] {
            if case .success(let output) = git.run(arguments) { hasher.add(output) } else { hasher.add("no-git") }
        }
        return hasher.hexDigest
    }
}
