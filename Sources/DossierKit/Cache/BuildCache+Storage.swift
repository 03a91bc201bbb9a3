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
        var reader = CacheReader([UInt8](data))
        guard let cache = try? reader.read(BuildCache.self), reader.isAtEnd else { return nil }
        return cache
    }

    /// Reads the dossiers' entries that belong to this index; with none, or damaged ones, every
    /// dossier is parsed again.
    mutating func loadEntries(from folder: URL) {
        guard let data = FileManager.default.contents(atPath: Self.entriesURL(in: folder).path) else { return }
        var reader = CacheReader([UInt8](data))
        guard (try? reader.read(String.self)) == Self.format, (try? reader.read(String.self)) == token,
              let entries = try? reader.read([String: CacheBlob].self), reader.isAtEnd else { return }
        for (path, blob) in entries where sources[path] != nil {
            sources[path]?.entry = blob.bytes
        }
    }

    /// Keeps the cache for the next build (each file written beside and renamed, so it is whole or
    /// absent); a failure only costs the next build its shortcuts. The entries file is written only
    /// when `hasNewEntries`; else the one on disk, with the same token, still holds them all.
    func store(in folder: URL, hasNewEntries: Bool) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if hasNewEntries {
            var writer = CacheWriter()
            writer.write(Self.format)
            writer.write(token)
            writer.write(sources.compactMapValues { $0.entry.map(CacheBlob.init(bytes:)) })
            guard (try? Data(writer.bytes).write(to: Self.entriesURL(in: folder), options: .atomic)) != nil else { return }
        }
        var writer = CacheWriter()
        writer.write(self)
        try? Data(writer.bytes).write(to: Self.indexURL(in: folder), options: .atomic)
    }

    /// Forgets the cache, so that a build that fails half-way leaves none that could be trusted.
    static func forget(in folder: URL) {
        try? FileManager.default.removeItem(at: indexURL(in: folder))
    }
}

extension BuildCache: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(Self.format)
        writer.write(token)
        writer.write(sourcesKey)
        writer.write(settingsKey)
        writer.write(gitState)
        writer.write(sources)
        writer.write(pages)
    }

    init(from reader: inout CacheReader) throws {
        guard try reader.read(String.self) == Self.format else { throw CacheReader.Damaged() }
        self.init(token: try reader.read(), sourcesKey: try reader.read(), settingsKey: try reader.read(), gitState: try reader.read(),
                  sources: try reader.read(), pages: try reader.read())
    }
}

/// In the index, a source is its stamp and hash; its entry is in the entries file.
extension BuildCache.Source: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(stamp)
        writer.write(contentHash)
        writer.write(summaryHash)
        writer.write(entryHash)
    }

    init(from reader: inout CacheReader) throws {
        self.init(stamp: try reader.read(), contentHash: try reader.read(), summaryHash: try reader.read(), entryHash: try reader.read())
    }
}

extension BuildCache.Page: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(key)
        writer.write(stamp)
    }

    init(from reader: inout CacheReader) throws {
        self.init(key: try reader.read(), stamp: try reader.read())
    }
}

/// Bytes kept as they are, decoded only when needed (a dossier's entry).
private struct CacheBlob: CacheCodable, Sendable {
    var bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func encode(to writer: inout CacheWriter) { writer.writeBytes(bytes) }
    init(from reader: inout CacheReader) throws { bytes = Array(try reader.readBytes()) }
}
