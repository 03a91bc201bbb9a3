/// A dossier file as read from disk, before anything is made of its bytes.
public struct SourceFile: Sendable {
    /// Path relative to the site root, with `/` separators.
    public var path: String
    /// The file name without `.md`.
    public var slug: String
    public var bytes: [UInt8]
    /// The file's stamp when it was read, for the build cache.
    var stamp: FileStamp?

    /// A hash of the bytes: the build cache's key for the file's content.
    var contentHash: String { ContentHasher.hash(of: bytes) }

    public init(path: String, slug: String, bytes: [UInt8]) {
        self.path = path
        self.slug = slug
        self.bytes = bytes
    }
}
