import Foundation
import Yams

/// Reads typed values out of a YAML node tree, collecting a positioned diagnostic for every problem.
///
/// Every accessor takes the node (nil when the key is absent) and the key's dotted path for messages;
/// it returns nil, after reporting, when the value is unusable, so decoding goes on and finds every problem.
struct NodeReader {
    let path: String
    /// Added to Yams' line numbers to get file line numbers.
    let lineOffset: Int
    /// Yams' positions as editors count them.
    let positions: YAMLPositions
    private(set) var diagnostics: [Diagnostic] = []

    /// A reader of the nodes composed from `yaml`, whose first line is line `yamlLine` of the file at `path`.
    init(path: String, yamlLine: Int, yaml: String) {
        self.path = path
        self.lineOffset = yamlLine - 1
        self.positions = YAMLPositions(of: yaml)
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path) }
        let position = positions.position(of: mark)
        return SourceLocation(path: path, line: position.line + lineOffset, column: position.column)
    }

    mutating func report(_ problem: Problem, at node: Node?, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, problem, at: location(of: node), in: .decode))
    }

    /// The entries of a mapping by key; keys not in `known` get a warning with a did-you-mean.
    mutating func fields(of node: Node?, at keyPath: String?, known: [String]) -> Fields? {
        guard let node, !isNull(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            report(.notAMapping(key: keyPath, found: describe(node)), at: node)
            return nil
        }
        var fields = Fields(node: node, prefix: keyPath.map { $0 + "." } ?? "")
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(.wrongType(key: keyPath ?? "front-matter", expected: "keyed by text", found: describe(key)), at: key)
                continue
            }
            let name = scalar.string
            if known.contains(name) {
                fields.values[name] = value
                fields.keyLines[name] = location(of: key).line
            } else {
                report(.unknownKey(fields.path(name), suggestion: Suggestion.closest(to: name, among: known)), at: key, severity: .warning)
            }
        }
        return fields
    }

    /// Text, such as a name; numbers and booleans are refused so that `name: 1234` is noticed.
    mutating func text(_ node: Node?, at keyPath: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.wrongType(key: keyPath, expected: "text", found: describe(node)), at: node)
            return nil
        }
        switch tagName(node) {
        case .int, .float, .bool:
            report(.wrongType(key: keyPath, expected: "text", found: "\(describe(node)); put it in quotes if it is meant as text"), at: node)
            return nil
        default:
            let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
    }

    /// A number, integer or decimal.
    mutating func number(_ node: Node?, at keyPath: String) -> Double? {
        guard let node, !isNull(node) else { return nil }
        switch tagName(node) {
        case .int:
            if let value = node.int { return Double(value) }
        case .float:
            if let value = node.float, value.isFinite { return value }
        default:
            break
        }
        report(.wrongType(key: keyPath, expected: "a number (plain digits, no units or separators)", found: describe(node)), at: node)
        return nil
    }

    /// A whole number within `range`.
    mutating func integer(_ node: Node?, at keyPath: String, in range: ClosedRange<Int>) -> Int? {
        guard let node, !isNull(node) else { return nil }
        guard tagName(node) == .int, let value = node.int else {
            report(.wrongType(key: keyPath, expected: "a whole number", found: describe(node)), at: node)
            return nil
        }
        guard range.contains(value) else {
            report(.outOfRange(key: keyPath, value: String(value), expected: "a whole number from \(range.lowerBound) to \(range.upperBound)"), at: node)
            return nil
        }
        return value
    }

    /// A fraction written as `0.42` or `42%`; shares must lie in 0...1, margins may be any fraction.
    mutating func fraction(_ node: Node?, at keyPath: String, isShare: Bool) -> Double? {
        guard let node, !isNull(node) else { return nil }
        var value: Double?
        if case .scalar(let scalar) = node, scalar.string.hasSuffix("%") {
            let digits = scalar.string.dropLast().trimmingCharacters(in: .whitespaces)
            value = Double(digits).flatMap { $0.isFinite ? $0 / 100 : nil }
        } else if tagName(node) == .int || tagName(node) == .float {
            value = node.float.flatMap { $0.isFinite ? $0 : nil }
        }
        guard let value else {
            report(.wrongType(key: keyPath, expected: "a fraction such as 0.42 or a percentage such as '42%'", found: describe(node)), at: node)
            return nil
        }
        if isShare, !(0...1).contains(value) {
            let isPlainNumber = tagName(node) == .int || tagName(node) == .float
            let hint = isPlainNumber && value > 1 && value <= 100
                ? "a fraction from 0 to 1 (write \(shortest(value / 100)) or '\(shortest(value))%')"
                : "a fraction from 0 to 1 (0% to 100%)"
            report(.outOfRange(key: keyPath, value: describe(node, quoted: false), expected: hint), at: node)
            return nil
        }
        return value
    }

    /// An ISO 4217 currency code: three capital letters.
    mutating func currency(_ node: Node?, at keyPath: String) -> String? {
        guard let code = text(node, at: keyPath) else { return nil }
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            report(.badCurrency(code), at: node)
            return nil
        }
        return code
    }

    /// A calendar date written `YYYY-MM-DD`.
    mutating func day(_ node: Node?, at keyPath: String) -> Day? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node, tagName(node) != .int, tagName(node) != .float else {
            report(.wrongType(key: keyPath, expected: "a date in the form YYYY-MM-DD", found: describe(node)), at: node)
            return nil
        }
        guard let day = Day(parsing: scalar.string.trimmingCharacters(in: .whitespaces)) else {
            report(.badDate(key: keyPath, value: scalar.string), at: node)
            return nil
        }
        return day
    }

    /// One of a keyword type's words; the message names the key's last component, e.g. "unknown stage".
    mutating func keyword<K: Keyword>(_ node: Node?, at keyPath: String, as type: K.Type = K.self) -> K? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.wrongType(key: keyPath, expected: "one of: \(K.allowedWords.joined(separator: ", "))", found: describe(node)), at: node)
            return nil
        }
        if let value = K(rawValue: scalar.string) { return value }
        let name = keyPath.split(separator: ".").last.map { String($0.split(separator: "[").first ?? $0) } ?? keyPath
        report(.unknownValue(key: name.replacingOccurrences(of: "_", with: " "), value: scalar.string, allowed: K.allowedWords), at: node)
        return nil
    }

    /// A list of texts.
    mutating func textList(_ node: Node?, at keyPath: String) -> [String] {
        list(node, at: keyPath) { reader, element, elementPath in reader.text(element, at: elementPath) }
    }

    /// A list whose elements `element` decodes; unusable elements are reported and left out.
    mutating func list<T>(_ node: Node?, at keyPath: String, element: (inout NodeReader, Node, String) -> T?) -> [T] {
        guard let node, !isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            report(.wrongType(key: keyPath, expected: "a list (items on lines starting with '- ', or [a, b])", found: describe(node)), at: node)
            return []
        }
        var values: [T] = []
        for (index, item) in sequence.enumerated() {
            if let value = element(&self, item, "\(keyPath)[\(index)]") { values.append(value) }
        }
        return values
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            return tagName(node) == .null
        }
        return false
    }

    func describe(_ node: Node, quoted: Bool = true) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            let value = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            guard quoted else { return value }
            switch tagName(node) {
            case .int, .float: return "the number \(value)"
            case .bool: return "the boolean \(value)"
            case .null: return "nothing"
            default: return "the text '\(value)'"
            }
        }
    }

    /// A number without floating-point noise: `0.333`, not `0.33299999999999996`.
    private func shortest(_ value: Double) -> String {
        String(format: "%g", value)
    }
}

/// The known fields of one YAML mapping, looked up by key.
struct Fields {
    let node: Node
    /// The mapping's dotted path with a trailing dot, or empty at the top level.
    let prefix: String
    var values: [String: Node] = [:]
    /// The file line of each known key.
    var keyLines: [String: Int] = [:]

    subscript(key: String) -> Node? { values[key] }

    /// The dotted path of a key in this mapping, for messages.
    func path(_ key: String) -> String { prefix + key }
}

/// The YAML tag of a node under the core schema (`int`, `float`, `bool`, `null`, `str`, ...).
func tagName(_ node: Node) -> Tag.Name {
    CoreSchema.tag(of: node)
}
