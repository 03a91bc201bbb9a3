/// What the parse stage makes of one dossier file: its decoded form, without the Markdown text, and
/// its rendered body; with the hashes that later stages and the cache compare.
struct ParsedDossier: Sendable {
    var path: String
    /// The decoded front-matter and rendered body; nil when the file is not usable.
    var value: Value?
    /// Everything wrong with the file, from reading it to decoding it.
    var diagnostics: [Diagnostic]
    /// A hash of the file's bytes.
    var contentHash: String
    /// A hash of the decoded front-matter: all that the pages listing accounts show of a dossier, so
    /// an edit of the notes alone leaves those pages as they are.
    var summaryHash = ""
    /// Taken from the build cache rather than parsed by this build.
    var isFromCache = false

    /// A usable dossier: the decoded front-matter (with an empty `body`), the rendered body and the
    /// search document.
    struct Value: Sendable, Codable {
        var dossier: Dossier
        var body: RenderedMarkdown
        /// What the search finds the account by; nil for a check, which makes no pages.
        var search: SearchIndex.Document?

        /// The value in the build cache's compact form (`CompactEncoder`).
        var bytes: [UInt8] {
            // Every value of the model encodes; the compact encoder throws only for what the model never holds.
            (try? CompactEncoder().encode(self)) ?? []
        }

        /// Decodes a value's bytes; nil when they are damaged.
        init?(bytes: [UInt8]) {
            guard let value = try? CompactDecoder().decode(Value.self, from: bytes) else { return nil }
            self = value
        }

        init(dossier: Dossier, body: RenderedMarkdown, search: SearchIndex.Document? = nil) {
            self.dossier = dossier
            self.body = body
            self.search = search
        }
    }
}
