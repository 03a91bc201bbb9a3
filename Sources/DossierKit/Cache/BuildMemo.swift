import Foundation

/// The build cache as one build uses it: it wraps the load, parse and write stages from outside, so
/// that a dossier whose bytes did not change is neither read nor parsed again, and a page whose key
/// did not change is not made again. The stages themselves know nothing of it.
///
/// Every decision compares content hashes (`BuildKeys`, `ParsedDossier.contentHash`, page keys);
/// a file's stamp only stands in for its hash when it is older than the build that recorded it.
struct BuildMemo: Sendable {
    /// The keys of this build.
    let keys: BuildKeys
    /// What the last successful build left; nil without a cache, or with one of another format.
    private var previous: BuildCache?
    /// The previous build's dossiers, usable when they were parsed with the same settings.
    private var sources: [String: BuildCache.Source] = [:]

    /// A memo that remembers nothing: every dossier is read and parsed, every page made.
    init(keys: BuildKeys) {
        self.keys = keys
    }

    /// The memo of the cache's index in `folder`; its entries are read by `loadEntries(from:)`.
    init(keys: BuildKeys, cacheIn folder: URL) {
        self.keys = keys
        previous = BuildCache.load(from: folder)
        if let previous, previous.sourcesKey == keys.sources { sources = previous.sources }
    }

    /// How many pages the last build wrote.
    var pageCount: Int { previous?.pages.count ?? 0 }

    /// A dossier file as the load stage leaves it.
    enum Loaded: Sendable {
        /// Its bytes are the ones the last build parsed (by stamp, or by hash when the stamp is too new
        /// to trust: then with the file read, so that it need not be read again if its entry is unusable).
        case unchanged(DossierListing.Entry, read: SourceFile?)
        /// Read, to be parsed.
        case read(SourceFile)
        /// It could not be read.
        case unreadable(path: String, Diagnostic)
    }

    /// The load stage, memoized: reads each listed file but those the cache shows unchanged by their stamp.
    func load(_ listing: DossierListing, with reader: SiteReader, threads: Int = 1) -> [Loaded] {
        listing.entries.parallelMap(threads: threads, counting: BuildProgress.begin(.reading, total: listing.entries.count)) { entry in
            let source = sources[entry.path]
            if let source, let stamp = source.stamp, stamp == entry.stamp { return .unchanged(entry, read: nil) }
            switch DossierListing.read(entry, with: reader) {
            case .success(let file):
                if let source, source.contentHash == file.contentHash { return .unchanged(entry, read: file) }
                return .read(file)
            case .failure(let diagnostic):
                return .unreadable(path: entry.path, diagnostic)
            }
        }
    }

    /// Whether a build would change nothing: the same keys, the same dossiers with the same bytes, and
    /// every page file as the last build left it.
    func isUpToDate(_ loaded: [Loaded], listing: DossierListing, output: URL) -> Bool {
        guard let previous, previous.sourcesKey == keys.sources, previous.settingsKey == keys.settings, previous.gitState == keys.gitState,
              !previous.pages.isEmpty, listing.found == previous.sources.count, listing.diagnostics.isEmpty else { return false }
        guard loaded.allSatisfy({ if case .unchanged = $0 { true } else { false } }) else { return false }
        let folder = output.path + "/"
        return previous.pages.allSatisfy { path, page in page.isIntact(atPath: folder + path) }
    }

    /// Reads the parsed dossiers the cache holds, for a build that has something to do.
    mutating func loadEntries(from folder: URL) {
        guard var previous, !sources.isEmpty else { return }
        previous.sources = sources
        previous.loadEntries(from: folder)
        sources = previous.sources
    }

    /// The parse stage, memoized: an unchanged file is taken from its cache entry, unless the entry is
    /// damaged; the others are parsed with `parse`, on `threads` threads.
    func parseEach(_ loaded: [Loaded], with reader: SiteReader, threads: Int,
                   _ parse: @escaping @Sendable (SourceFile) -> ParsedDossier) -> [ParsedDossier] {
        loaded.parallelMap(threads: threads, counting: BuildProgress.begin(.parsing, total: loaded.count)) { item in
            switch item {
            case .read(let file):
                return parse(file)
            case .unreadable(let path, let diagnostic):
                return ParsedDossier(path: path, diagnostics: [diagnostic], contentHash: "")
            case .unchanged(let entry, let file):
                if let source = sources[entry.path], let bytes = source.entry, ContentHasher.hash(of: bytes) == source.entryHash, let value = ParsedDossier.Value(bytes: bytes),
                   value.dossier.path == entry.path {
                    return ParsedDossier(path: entry.path, value: value, diagnostics: [], contentHash: source.contentHash,
                                         summaryHash: source.summaryHash, isFromCache: true)
                }
                if let file { return parse(file) }
                switch DossierListing.read(entry, with: reader) {
                case .success(let file): return parse(file)
                case .failure(let diagnostic): return ParsedDossier(path: entry.path, diagnostics: [diagnostic], contentHash: "")
                }
            }
        }
    }

    /// The write stage's memo: marks each page whose key is the one the last build made its file
    /// with, and whose file in `output` is still that file, so the writer keeps it instead of making it.
    func markingUnchanged(_ pages: [PageJob], in output: URL) -> [PageJob] {
        guard let previous, !previous.pages.isEmpty else { return pages }
        let folder = output.path + "/"
        return pages.map { page in
            var page = page
            page.isUnchanged = previous.pages[page.path]?.canBeKept(atPath: folder + page.path, forKey: page.key) == true
            return page
        }
    }

    /// The cache the next build starts from: each usable dossier's stamp (unless it was changed too
    /// near `startedAt` to trust it), hashes and entry (unless it has warnings, so that the next build
    /// reports them again), and each page's key and stamp.
    func next(_ parsed: [ParsedDossier], listing: DossierListing, pages: [PageJob], stamps: [String: FileStamp], startedAt: Date) -> BuildCache {
        let stampsByPath = Dictionary(listing.entries.map { ($0.path, $0.stamp) }) { first, _ in first }
        let limitSeconds = Int(startedAt.timeIntervalSince1970) - 2
        var next = BuildCache(token: previous?.token ?? "", sourcesKey: keys.sources, settingsKey: keys.settings, gitState: keys.gitState)
        for dossier in parsed {
            guard let value = dossier.value else { continue }
            var source = BuildCache.Source(stamp: stampsByPath[dossier.path] ?? nil, contentHash: dossier.contentHash, summaryHash: dossier.summaryHash)
            if let stamp = source.stamp, stamp.seconds >= limitSeconds { source.stamp = nil }
            if !dossier.diagnostics.contains(where: { $0.severity != .note }) {
                if dossier.isFromCache, let kept = sources[dossier.path], kept.entry != nil {
                    (source.entry, source.entryHash) = (kept.entry, kept.entryHash)
                    (source.entryOffset, source.entryLength) = (kept.entryOffset, kept.entryLength)
                } else {
                    let bytes = value.bytes
                    (source.entry, source.entryHash) = (bytes, ContentHasher.hash(of: bytes))
                }
            }
            next.sources[dossier.path] = source
        }
        for page in pages {
            if let stamp = stamps[page.path] { next.pages[page.path] = BuildCache.Page(key: page.key, stamp: stamp) }
        }
        return next
    }
}
