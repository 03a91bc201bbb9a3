import Yams

/// The YAML 1.2 core schema's tags for plain scalars, decided by a hand-written scanner.
///
/// Yams resolves tags with regular expressions, which dominate parsing time on Linux; the composer
/// runs with no rules and this decides instead: only `true`/`false` are booleans, numbers are plain
/// decimal, so `NO` (Norway) stays text and `012` is 12. Quoted scalars are always text.
enum CoreSchema {
    static func tag(of node: Node) -> Tag.Name {
        switch node {
        case .mapping: return .map
        case .sequence: return .seq
        case .alias: return .str
        case .scalar(let scalar):
            return scalar.style == .plain ? tag(ofPlain: scalar.string) : .str
        }
    }

    static func tag(ofPlain text: String) -> Tag.Name {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN": return .float
        default: break
        }
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let integerDigits = bytes.prefix(while: isDigit).count
        var rest = bytes.dropFirst(integerDigits)
        if rest.isEmpty { return integerDigits > 0 ? .int : .str }
        var fractionDigits = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0 else { return .str }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
            let exponentDigits = rest.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return .str }
            rest = rest.dropFirst(exponentDigits)
        }
        return rest.isEmpty ? .float : .str
    }
}
