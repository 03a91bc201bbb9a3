import Foundation

/// Reading and writing the cache's two files: the index (keys, stamps, hashes, pages), read by every
/// build, and the dossiers' entries, read only by a build that has something to do.
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
        guard let file = try? CompactDecoder().decode(CacheFile<Entries>.self, from: [UInt8](data)), file.value.token == token else { return }
        for (path, bytes) in file.value.entries where sources[path] != nil {
            sources[path]?.entry = bytes
        }
    }

    /// Keeps the cache for the next build (each file written beside and renamed, so it is whole or
    /// absent); a failure only costs the next build its shortcuts. The entries file is written only
    /// when `hasNewEntries`; else the one on disk, with the same token, still holds them all.
    func store(in folder: URL, hasNewEntries: Bool) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if hasNewEntries {
            let entries = Entries(token: token, entries: sources.compactMapValues(\.entry))
            guard let bytes = try? CompactEncoder().encode(CacheFile(entries)),
                  (try? Data(bytes).write(to: Self.entriesURL(in: folder), options: .atomic)) != nil else { return }
        }
        guard let bytes = try? CompactEncoder().encode(CacheFile(self)) else { return }
        try? Data(bytes).write(to: Self.indexURL(in: folder), options: .atomic)
    }

    /// Forgets the cache, so that a build that fails half-way leaves none that could be trusted.
    static func forget(in folder: URL) {
        try? FileManager.default.removeItem(at: indexURL(in: folder))
    }
}

/// The entries file: each dossier's entry, bytes kept as they are and decoded only when needed, with
/// the token of the index they belong to.
private struct Entries: Codable {
    var token: String
    var entries: [String: [UInt8]]
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
