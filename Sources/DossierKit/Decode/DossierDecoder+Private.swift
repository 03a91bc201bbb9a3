import Yams

/// The free-form `private:` mapping: any keys, with text, lists or mappings nested to any depth.
extension DossierDecoder {
    /// Flattens `private:` into lines in reading order. Keys must be text (a number or a date is read as
    /// written); scalar values are kept as written. Only the shape is checked: values are never
    /// repeated in a message, so a diagnostic shown anywhere cannot leak them.
    static func decodePrivateNotes(_ node: Node?, reader: inout NodeReader) -> [PrivateNote] {
        guard let node, !reader.isNull(node) else { return [] }
        guard case .mapping = node else {
            reader.report(.notAMapping(key: "private", found: shape(of: node)), at: node)
            return []
        }
        var notes: [PrivateNote] = []
        var pending: [(node: Node, depth: Int, key: String?)] = [(node, -1, nil)]
        // Depth-first with an explicit stack, children pushed in reverse: reading order, no recursion.
        while let (current, depth, key) = pending.popLast() {
            switch current {
            case .scalar:
                notes.append(PrivateNote(depth: depth, key: key, value: reader.isNull(current) ? "" : current.scalar?.string ?? ""))
            case .mapping(let mapping):
                if depth >= 0 { notes.append(PrivateNote(depth: depth, key: key, value: nil)) }
                var children: [(Node, Int, String?)] = []
                for (keyNode, value) in mapping {
                    guard case .scalar(let scalar) = keyNode else {
                        reader.report(.wrongType(key: "private", expected: "keyed by text", found: shape(of: keyNode)), at: keyNode)
                        continue
                    }
                    children.append((value, depth + 1, scalar.string))
                }
                pending += children.reversed()
            case .sequence(let sequence):
                notes.append(PrivateNote(depth: depth, key: key, value: nil))
                pending += sequence.map { ($0, depth + 1, nil) }.reversed()
            case .alias:
                notes.append(PrivateNote(depth: depth, key: key, value: ""))
            }
        }
        return notes
    }

    /// What a node is, without its value.
    private static func shape(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar, .alias: "a single value"
        }
    }
}
