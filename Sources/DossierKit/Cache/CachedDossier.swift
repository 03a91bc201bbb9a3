/// A dossier and its rendered body as one cache entry, in the compact form derived from the model's
/// `Codable` conformances (`CompactEncoder`).
struct CachedDossier: Codable, Sendable {
    var dossier: Dossier
    var body: RenderedMarkdown

    init(dossier: Dossier, body: RenderedMarkdown) {
        self.dossier = dossier
        self.body = body
    }

    /// The entry's bytes.
    var bytes: [UInt8] {
        // Every value of the model encodes; the compact encoder throws only for what the model never holds.
        (try? CompactEncoder().encode(self)) ?? []
    }

    /// Decodes an entry's bytes; nil when they are damaged.
    init?(bytes: [UInt8]) {
        guard let value = try? CompactDecoder().decode(CachedDossier.self, from: bytes) else { return nil }
        self = value
    }
}
