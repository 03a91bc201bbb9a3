/// A file the build writes, relative to the output folder.
public struct OutputFile: Sendable, Equatable {
    /// Path with `/` separators, e.g. `accounts/nordwind/index.html`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
