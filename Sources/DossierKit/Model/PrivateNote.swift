/// One line of a dossier's free-form `private:` mapping, in reading order.
///
/// The mapping may nest mappings and lists to any depth; it is kept flat, one line per key or list
/// item, so that pages show it as an indented list and nothing needs recursion to read it.
public struct PrivateNote: Sendable, Equatable, Codable {
    /// How deeply the line is nested: 0 for a key of `private:` itself.
    public var depth: Int
    /// The mapping key; nil for a list item.
    public var key: String?
    /// The text of a scalar value; nil when a nested mapping or list follows on the next lines.
    public var value: String?

    public init(depth: Int, key: String?, value: String?) {
        self.depth = depth
        self.key = key
        self.value = value
    }
}
