import Foundation

/// What the last successful build read and made, so the next build redoes only what changed.
///
/// Kept in `.dossier-cache/` in the site (ignored by git) as two files: the index, `build-cache`,
/// holds a key of the build's settings (the binary, the settings file, the templates, the day and
/// the options), for each dossier its file stamp and hashes, and for each page the key of what it
/// was made from and its file stamp; `build-cache.dossiers` holds each dossier's decoded form. A missing, damaged or foreign cache is ignored: the build is then a
/// clean one. Nothing in it is trusted without a check against the files themselves.
struct BuildCache: Sendable, Codable {
    /// The cache's folder in a site, unless the build says otherwise.
    static let folderName = ".dossier-cache"
    static let fileName = "build-cache"
    /// The format's name; a cache written in another format is ignored.
    static let format = "dossier-build-cache-11"

    /// A dossier file as the last build saw it.
    struct Source: Sendable, Codable {
        /// The file's stamp; nil when the file was changed too near the build to trust its time,
        /// so the next build compares its bytes instead.
        var stamp: FileStamp?
        var contentHash: String
        /// A hash of the decoded front-matter: all that the pages listing accounts show of a dossier,
        /// so an edit of the notes alone leaves those pages as they are.
        var summaryHash = ""
        /// The parsed dossier (`ParsedDossier.Value`) in cache form; nil for a file with warnings,
        /// which every build parses again so that they are reported.
        var entry: [UInt8]?
        /// A hash of the entry's bytes, kept in the index: an entry that does not match is not used.
        var entryHash = ""
        /// Where the entry lies in the entries file, after its header; a length of 0 means it is not there yet.
        var entryOffset = 0
        var entryLength = 0

        /// In the index, a source is its stamp and hashes; its entry is in the entries file.
        private enum CodingKeys: String, CodingKey {
            case stamp, contentHash, summaryHash, entryHash, entryOffset, entryLength
        }
    }

    /// A page the last build wrote.
    struct Page: Sendable, Equatable, Codable {
        /// The key of everything the page was made from.
        var key: String
        var stamp: FileStamp

        /// Whether the file at `path` is still the one the last build left there (a symbolic link
        /// put in its place is not).
        func isIntact(atPath path: String) -> Bool {
            FileStamp(path: path, followsLinks: false) == stamp
        }

        /// Whether the file at `path` can be kept for a page with key `key`: made from the same
        /// inputs and not touched since.
        func canBeKept(atPath path: String, forKey key: String) -> Bool {
            self.key == key && isIntact(atPath: path)
        }
    }

    /// Pairs the index with its entries file: a random word, new whenever the entries file is written anew.
    var token: String
    /// The keys of the build that made it (`BuildKeys`).
    var sourcesKey: String
    var settingsKey: String
    var gitState: String
    var sources: [String: Source] = [:]
    var pages: [String: Page] = [:]
}
