import Foundation

/// The keys a build compares with the cache's, made from the inputs' hashes (`SiteInputs`) and the
/// build's options.
struct BuildKeys: Sendable, Equatable {
    /// A hash of what a parsed dossier depends on besides its bytes: the binary, the settings file, the
    /// audience (private parts are dropped or marked as the body is rendered) and the strings files
    /// (the private label is part of the rendered body).
    var sources: String
    /// A hash of everything every page depends on besides the dossiers: the sources key, every theme
    /// file, the as-of day and the build's options.
    var settings: String
    /// git's state when history is read (`SiteInputs.gitHash`); empty otherwise.
    var gitState: String

    init(_ inputs: SiteInputs, asOf: Day, since: Day?, audience: String?, output: URL) {
        var sources = ContentHasher()
        sources.add(BuildCache.format)
        sources.add(Self.binaryIdentity)
        sources.add(inputs.settingsHash)
        sources.add("audience=\(audience.map { "+" + $0 } ?? "-")")
        sources.add(inputs.stringsHash)
        self.sources = sources.hexDigest
        var settings = ContentHasher()
        settings.add(self.sources)
        settings.add(inputs.themeHash)
        settings.add("asOf=\(asOf) since=\(since?.description ?? "-") history=\(inputs.git != nil)")
        settings.add("output=\(output.standardizedFileURL.path)")
        self.settings = settings.hexDigest
        self.gitState = inputs.gitHash
    }

    /// The size and time of the running `dossier` binary: a new build of it may decode or render differently.
    private static var binaryIdentity: String {
        guard let executable = Bundle.main.executablePath, let stamp = FileStamp(path: executable) else { return "binary=?" }
        return "binary=\(stamp.size)/\(stamp.seconds).\(stamp.nanoseconds)"
    }
}
