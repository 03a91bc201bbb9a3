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
    /// The diagnostics reported one by one.
    private var reported: [Diagnostic] = []
    /// Unknown keys found so far in the file; only the first `unknownKeyReportLimit` are reported one by one.
    private var unknownKeyCount = 0
    /// Where the first unknown key past the limit stands.
    private var firstUnlistedUnknownKey: SourceLocation?

    /// Unknown keys reported one by one per file; the rest are counted in one final warning, so a file of
    /// a hundred thousand of them costs no more than reading it (no did-you-mean for those not listed).
    static let unknownKeyReportLimit = 100

    /// Every diagnostic, with the count of unknown keys not listed one by one as the last.
    var diagnostics: [Diagnostic] {
        guard let location = firstUnlistedUnknownKey else { return reported }
        let unlisted = unknownKeyCount - Self.unknownKeyReportLimit
        return reported + [Diagnostic(.warning, .moreUnknownKeys(unlisted), at: location, in: .decode)]
    }

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
        reported.append(Diagnostic(severity, problem, at: location(of: node), in: .decode))
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
                reportUnknownKey(name, in: fields, known: known, at: key)
            }
        }
        return fields
    }

    /// Reports every key and value under `node` that holds a control character other than tab and
    /// newline (YAML escapes such as `"\e[2J"` or `"\0"` make them), at its position: they would reach
    /// pages and terminals as raw bytes.
    mutating func reportControlCharacters(in node: Node, at keyPath: String?) {
        switch node {
        case .scalar(let scalar):
            if let character = Self.firstControlCharacter(in: scalar.string) {
                report(.controlCharacter(key: keyPath ?? "front-matter", character: character), at: node)
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                let path = keyPath.map { "\($0).\(name)" } ?? name
                if case .scalar = key { reportControlCharacters(in: key, at: path) }
                reportControlCharacters(in: value, at: path)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                reportControlCharacters(in: item, at: "\(keyPath ?? "front-matter")[\(index)]")
            }
        case .alias:
            break
        }
    }

    /// The first forbidden control character in `text`, written `U+001B`, or nil.
    static func firstControlCharacter(in text: String) -> String? {
        // Fast path: every such character starts with a byte below 0x20, 0x7F or 0xC2 in UTF-8.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        guard let scalar = text.unicodeScalars.first(where: TerminalText.isForbiddenInValue) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Reports an unknown key with a did-you-mean, or only counts it once the file has had its share.
    private mutating func reportUnknownKey(_ name: String, in fields: Fields, known: [String], at key: Node) {
        reportUnknown(at: key) { .unknownKey(fields.path(name), suggestion: Suggestion.closest(to: name, among: known)) }
    }

    /// Reports an unknown key or rule id as a warning made by `problem` (with its did-you-mean), or,
    /// past `unknownKeyReportLimit` in the file, only counts it: `problem` is then never made.
    mutating func reportUnknown(at key: Node, _ problem: () -> Problem) {
        unknownKeyCount += 1
        if unknownKeyCount <= Self.unknownKeyReportLimit {
            report(problem(), at: key, severity: .warning)
        } else if firstUnlistedUnknownKey == nil {
            firstUnlistedUnknownKey = location(of: key)
        }
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

    /// The largest amount of money a dossier may give, either way: 10^15 (a thousand trillion) in the
    /// dossier's currency, so sums and charts stay finite and every figure prints as digits.
    static let moneyLimit = 1e15

    /// An amount of money: a number from -10^15 to 10^15 (from 0 when `allowsNegative` is false).
    mutating func money(_ node: Node?, at keyPath: String, allowsNegative: Bool = true) -> Double? {
        guard let value = number(node, at: keyPath) else { return nil }
        guard value <= Self.moneyLimit, value >= (allowsNegative ? -Self.moneyLimit : 0) else {
            let expected = allowsNegative
                ? "an amount from -1,000,000,000,000,000 to 1,000,000,000,000,000 (10^15)"
                : "an amount from 0 to 1,000,000,000,000,000 (10^15)"
            report(.outOfRange(key: keyPath, value: describe(value: node), expected: expected), at: node)
            return nil
        }
        return value
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

    /// The largest margin either way, as a fraction: 10 (1000%).
    static let marginLimit = 10.0

    /// A fraction written as `0.42` or `42%`; shares must lie in 0...1, margins in -10...10 (±1000%).
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
        if !isShare, !(-Self.marginLimit...Self.marginLimit).contains(value) {
            report(.outOfRange(key: keyPath, value: describe(value: node), expected: "a fraction from -10 to 10 (-1000% to 1000%)"), at: node)
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

    /// A measured value: a plain number such as `120`, or a percentage such as `'0.9%'` (read as `fraction`
    /// reads a margin, so within ±1000%).
    mutating func metricValue(_ node: Node?, at keyPath: String) -> MetricValue? {
        guard let node, !isNull(node) else { return nil }
        if case .scalar(let scalar) = node, scalar.string.hasSuffix("%") {
            return fraction(node, at: keyPath, isShare: false).map { MetricValue(number: $0, isPercent: true) }
        }
        if tagName(node) == .int || tagName(node) == .float, let value = node.float, value.isFinite {
            return MetricValue(number: value, isPercent: false)
        }
        report(.wrongType(key: keyPath, expected: "a number such as 120 or a percentage such as '0.9%'", found: describe(node)), at: node)
        return nil
    }

    /// `true` or `false`.
    mutating func flag(_ node: Node?, at keyPath: String) -> Bool? {
        guard let node, !isNull(node) else { return nil }
        guard tagName(node) == .bool, let value = node.bool else {
            report(.wrongType(key: keyPath, expected: "true or false", found: describe(node)), at: node)
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

    /// One of a keyword type's words; the message names `named`, or else the key's last component, e.g. "unknown stage",
    /// and suggests a close word (`Mid` → `mid`, `proposal` → `propose`).
    mutating func keyword<K: Keyword>(_ node: Node?, at keyPath: String, named: String? = nil, as type: K.Type = K.self) -> K? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.wrongType(key: keyPath, expected: "one of: \(K.allowedWords.joined(separator: ", "))", found: describe(node)), at: node)
            return nil
        }
        if let value = K(rawValue: scalar.string) { return value }
        let name = named ?? keyPath.split(separator: ".").last.map { String($0.split(separator: "[").first ?? $0) } ?? keyPath
        let suggestion = Suggestion.closest(to: scalar.string, among: K.allowedWords)
        report(.unknownValue(key: name.replacingOccurrences(of: "_", with: " "), value: scalar.string, allowed: K.allowedWords,
                             suggestion: suggestion), at: node)
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

    /// Reports a required value written as null or left blank.
    mutating func reportIfEmpty(_ node: Node, key: String) {
        if isNull(node) || (node.scalar?.string.trimmingCharacters(in: .whitespaces).isEmpty ?? false) {
            report(.emptyValue(key: key), at: node)
        }
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

    /// A scalar's text for a message, cut at 40 characters.
    func describe(value node: Node?) -> String {
        node.map { describe($0, quoted: false) } ?? ""
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
