import Foundation

/// Reading and writing the cache file.
extension BuildCache {
    private static func url(in folder: URL) -> URL {
        folder.appendingPathComponent(fileName)
    }

    /// The cache in `folder` that the last successful build left, or nil when there is none or it is damaged.
    static func load(from folder: URL) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: url(in: folder).path) else { return nil }
        var reader = CacheReader([UInt8](data))
        guard let cache = try? reader.read(BuildCache.self), reader.isAtEnd else { return nil }
        return cache
    }

    /// Keeps the cache for the next build (written beside and renamed, so it is whole or absent);
    /// a failure only costs the next build its shortcuts.
    func store(in folder: URL) {
        let url = Self.url(in: folder)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var writer = CacheWriter()
        writer.write(self)
        try? Data(writer.bytes).write(to: url, options: .atomic)
    }

    /// Forgets the cache, so that a build that fails half-way leaves none that could be trusted.
    static func forget(in folder: URL) {
        try? FileManager.default.removeItem(at: url(in: folder))
    }
}

extension BuildCache: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(Self.format)
        writer.write(sourcesKey)
        writer.write(settingsKey)
        writer.write(gitState)
        writer.write(sources)
        writer.write(pages)
    }

    init(from reader: inout CacheReader) throws {
        guard try reader.read(String.self) == Self.format else { throw CacheReader.Damaged() }
        self.init(sourcesKey: try reader.read(), settingsKey: try reader.read(), gitState: try reader.read(), sources: try reader.read(), pages: try reader.read())
    }
}

extension BuildCache.Source: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(stamp)
        writer.write(contentHash)
        writer.write(entry.map { CacheBlob(bytes: $0) })
    }

    init(from reader: inout CacheReader) throws {
        self.init(stamp: try reader.read(), contentHash: try reader.read(), entry: try reader.read(CacheBlob?.self)?.bytes)
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
private struct CacheBlob: CacheCodable {
    var bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func encode(to writer: inout CacheWriter) { writer.writeBytes(bytes) }
    init(from reader: inout CacheReader) throws { bytes = Array(try reader.readBytes()) }
}

/// A dossier and its rendered body as one cache entry.
struct CachedDossier: CacheCodable {
    var dossier: Dossier
    var body: RenderedMarkdown

    init(dossier: Dossier, body: RenderedMarkdown) {
        self.dossier = dossier
        self.body = body
    }

    /// The entry's bytes.
    var bytes: [UInt8] {
        var writer = CacheWriter()
        writer.write(self)
        return writer.bytes
    }

    /// Decodes an entry's bytes; nil when they are damaged.
    init?(bytes: [UInt8]) {
        var reader = CacheReader(bytes)
        guard let value = try? reader.read(CachedDossier.self), reader.isAtEnd else { return nil }
        self = value
    }

    func encode(to writer: inout CacheWriter) {
        writer.write(dossier)
        writer.write(body)
    }

    init(from reader: inout CacheReader) throws {
        self.init(dossier: try reader.read(), body: try reader.read())
    }
}
