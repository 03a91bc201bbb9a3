/// One header field of an HTTP request or response, as written (names compare case-insensitively).
public struct HTTPField: Sendable, Equatable {
    public var name: String
    public var value: String

    /// A field named `name` with `value` (without surrounding white space).
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
