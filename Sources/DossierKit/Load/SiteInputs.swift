import Foundation

/// Everything a build or a check reads from a site, read and hashed once at the start: the settings
/// file, the theme files, the listing of the dossier files with their stamps, and git's state. The
/// stages after it take what they need from here and read nothing themselves; the dossier files'
/// bytes are read by the load stage, each at most once, and only those the build needs.
public struct SiteInputs: Sendable {
    /// How the site is read.
    var reader: SiteReader
    /// The settings file, relative to the site root.
    var configFile: String
    var settingsFile: SiteFile.Outcome
    var themeFiles: ThemeFiles
    var dossiers: DossierListing
    /// git's state, when history is read; why there is none otherwise.
    var git: Result<GitState, HistoryUnavailable>?

    /// A hash of the settings file.
    var settingsHash: String
    /// A hash of every theme file.
    var themeHash: String
    /// A hash of the strings files alone (the private label is part of a rendered body).
    var stringsHash: String
    /// A hash of git's state: `HEAD` and the status of the dossiers; empty when history is not read.
    var gitHash: String

    public var siteRoot: URL { reader.siteRoot }

    /// Reads the inputs of the site `reader` reads; git only when `readsHistory`.
    public static func read(with reader: SiteReader, configFile: String = SiteConfig.fileName, readsHistory: Bool = false) -> SiteInputs {
        let settingsFile = reader.read(configFile)
        let themeFiles = ThemeFiles.read(with: reader)
        let git = readsHistory ? GitState.read(with: reader) : nil
        var settings = ContentHasher(), theme = ContentHasher(), strings = ContentHasher(), gitState = ContentHasher()
        settings.add(configFile)
        switch settingsFile {
        case .bytes(let bytes): settings.add(bytes)
        case .missing: settings.add("missing")
        case .refused(let problem): settings.add("refused \(problem)")
        }
        themeFiles.hash(into: &theme)
        themeFiles.hash(into: &strings, stringsOnly: true)
        switch git {
        case .success(let state)?:
            gitState.add(state.prefix)
            gitState.add(state.head)
            gitState.add(state.status)
        case .failure(let reason)?: gitState.add("no history: \(reason)")
        case nil: break
        }
        return SiteInputs(reader: reader, configFile: configFile, settingsFile: settingsFile, themeFiles: themeFiles,
                          dossiers: DossierListing.list(with: reader), git: git,
                          settingsHash: settings.hexDigest, themeHash: theme.hexDigest, stringsHash: strings.hexDigest,
                          gitHash: git == nil ? "" : gitState.hexDigest)
    }
}
