import Foundation

/// Reading and writing the cache's two files: the index (keys, stamps, hashes, pages), read by every
/// build, and the dossiers' entries, a pack read only by a build that has something to do.
extension BuildCache {
    private static func indexURL(in folder: URL) -> URL {
        folder.appendingPathComponent(fileName)
    }

    private static func entriesURL(in folder: URL) -> URL {
        folder.appendingPathComponent(fileName + ".dossiers")
    }

    /// The index in `folder` that the last successful build left, or nil when there is none or it is
    /// damaged; no source has its entry until `loadEntries(from:)`.
    static func load(from folder: URL) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: indexURL(in: folder).path) else { return nil }
        return try? CompactDecoder().decode(CacheFile<BuildCache>.self, from: [UInt8](data)).value
    }

    /// Reads the dossiers' entries that belong to this index; with none, or damaged ones, every
    /// dossier is parsed again.
    mutating func loadEntries(from folder: URL) {
        guard let data = FileManager.default.contents(atPath: Self.entriesURL(in: folder).path) else { return }
        let header = Array(entriesHeader.utf8)
        guard data.count >= header.count, data.prefix(header.count).elementsEqual(header) else { return }
        // The index is a file anyone can damage: places are checked before any arithmetic, and no
        // more bytes are copied out than the pack holds.
        let payload = data.count - header.count
        var copied = 0
        for (path, source) in sources.sorted(by: { $0.key < $1.key }) where source.entryLength > 0 {
            let (offset, length) = (source.entryOffset, source.entryLength)
            guard offset >= 0, offset <= payload - length, copied <= payload - length else { continue }
            copied += length
            let start = header.count + offset
            sources[path]?.entry = [UInt8](data[start..<(start + length)])
        }
    }

    /// Keeps the cache for the next build. The entries file is a pack: the entries this build made
    /// are appended to it, so an edit writes one entry, not all of them; it is written anew (with a
    /// new token) when it is not this index's, or when more than half of it is entries no longer
    /// used. Files written anew are written beside and renamed, so each is whole or absent; a failure
    /// only costs the next build its shortcuts.
    func store(in folder: URL) {
        var cache = self
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard cache.storeEntries(in: folder), let bytes = try? CompactEncoder().encode(CacheFile(cache)) else { return }
        try? Data(bytes).write(to: Self.indexURL(in: folder), options: .atomic)
    }

    /// The first line of the entries file: the format and the token of the index it belongs to.
    private var entriesHeader: String { "\(Self.format) \(token)\n" }

    /// Writes the entries not yet in the pack, appending them or writing the pack anew, and records
    /// where each lies. False when it could not be written.
    private mutating func storeEntries(in folder: URL) -> Bool {
        let url = Self.entriesURL(in: folder)
        let new = sources.filter { $0.value.entry != nil && $0.value.entryLength == 0 }.keys.sorted()
        let live = sources.values.reduce(0) { $0 + ($1.entry?.count ?? 0) }
        let header = Array(entriesHeader.utf8)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        let isOurs = size.map { size in
            size >= header.count && (try? FileHandle(forReadingFrom: url)).map { handle in
                defer { try? handle.close() }
                return (try? handle.read(upToCount: header.count)).map { [UInt8]($0) == header } ?? false
            } == true
        } ?? false
        if new.isEmpty, isOurs { return true }
        if isOurs, let size, let handle = try? FileHandle(forWritingTo: url) {
            defer { try? handle.close() }
            let added = new.reduce(0) { $0 + (sources[$1]?.entry?.count ?? 0) }
            if size - header.count + added <= 2 * live, (try? handle.seekToEnd()) == UInt64(size) {
                var offset = size - header.count
                var bytes: [UInt8] = []
                for path in new {
                    guard let entry = sources[path]?.entry else { continue }
                    sources[path]?.entryOffset = offset
                    sources[path]?.entryLength = entry.count
                    offset += entry.count
                    bytes += entry
                }
                if (try? handle.write(contentsOf: Data(bytes))) != nil { return true }
            }
        }
        token = UUID().uuidString
        let newHeader = Array(entriesHeader.utf8)
        var bytes = newHeader
        for path in sources.keys.sorted() {
            guard let entry = sources[path]?.entry else { continue }
            sources[path]?.entryOffset = bytes.count - newHeader.count
            sources[path]?.entryLength = entry.count
            bytes += entry
        }
        return (try? Data(bytes).write(to: url, options: .atomic)) != nil
    }

    /// Forgets the cache, so that a build that fails half-way leaves none that could be trusted.
    static func forget(in folder: URL) {
        try? FileManager.default.removeItem(at: indexURL(in: folder))
    }
}

/// A cache file: the format's name, then the value; a file of another format is not read further.
private struct CacheFile<Value: Codable>: Codable {
    var format = BuildCache.format
    var value: Value

    init(_ value: Value) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try container.decode(String.self, forKey: .format) == BuildCache.format else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "a cache of another format"))
        }
        value = try container.decode(Value.self, forKey: .value)
    }
}
