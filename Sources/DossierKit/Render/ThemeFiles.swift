import Foundation

/// The files of the site's `templates/` folder, each read once: every file under it (links that stay
/// in the site are followed), the `.mustache` files at its top, and every file name the built-in theme
/// has, so that a missing file and one refused (a link out of the site) are told apart.
struct ThemeFiles: Sendable {
    /// The folder, relative to the site root.
    static let folder = "templates"

    /// What reading each file gave, by path relative to `templates/`.
    var files: [String: SiteFile.Outcome] = [:]

    /// The outcome for `name` (relative to `templates/`): a file the site does not have is `.missing`.
    subscript(name: String) -> SiteFile.Outcome {
        files[name] ?? .missing
    }

    /// The site's own `.mustache` files at the top of `templates/` that are not the built-in theme's.
    var extraPartials: [String] {
        let builtin = Set((Theme.templateNames + Theme.partialNames).map { $0 + ".mustache" })
        return files.keys.filter { !$0.contains("/") && $0.hasSuffix(".mustache") && !builtin.contains($0) }.sorted()
    }

    /// Reads the theme files of the site `reader` reads.
    static func read(with reader: SiteReader) -> ThemeFiles {
        let listed = reader.files(under: folder, skipsHidden: false, followsLinks: true, staysInSite: true)
        let atTop = reader.names(in: folder).filter { $0.hasSuffix(".mustache") }
        let known = (Theme.templateNames + Theme.partialNames).map { $0 + ".mustache" } + Theme.assetNames
            + Strings.languages.map { "strings/\($0).yml" }
        var theme = ThemeFiles()
        for name in Set(listed + atTop + known).sorted() {
            let outcome = reader.read("\(folder)/\(name)")
            if outcome != .missing { theme.files[name] = outcome }
        }
        return theme
    }

    /// Adds every file, strings files or all, to `hasher`, in name order.
    func hash(into hasher: inout ContentHasher, stringsOnly: Bool = false) {
        for name in files.keys.sorted() where !stringsOnly || name.hasPrefix("strings/") {
            hasher.add(name)
            switch files[name] {
            case .bytes(let bytes):
                hasher.add("\(bytes.count) bytes")
                hasher.add(bytes)
            case .refused(let problem): hasher.add("refused \(problem)")
            case .missing, nil: hasher.add("missing")
            }
        }
    }
}
