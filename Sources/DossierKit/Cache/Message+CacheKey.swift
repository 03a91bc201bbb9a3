/// What part of a page's key a change message is.
extension Message {
    /// The key, the count and the arguments sorted by name.
    var cacheKey: String {
        let arguments = arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(key)#\(count.map(String.init) ?? "-")(\(arguments.joined(separator: ",")))"
    }
}
