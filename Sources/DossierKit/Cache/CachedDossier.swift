/// A dossier and its rendered body as one cache entry.
struct CachedDossier: CacheCodable, Sendable {
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
