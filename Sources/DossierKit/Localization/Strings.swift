import Foundation
import Yams

/// The theme's words in one language, from `templates/strings/<language>.yml`.
///
/// Every label the site shows comes from here: templates read them as `{{t.key}}`, the Swift side
/// through `self[key]`, `format(_:_:)` and `list(_:)`. Messages take `{name}` placeholders.
public struct Strings: Sendable, Equatable {
    /// The languages the built-in theme has strings for.
    public static let languages = ["en", "zh"]

    public let language: String
    private(set) var texts: [String: String] = [:]
    private(set) var lists: [String: [String]] = [:]
    /// The units large amounts are shown in (`large_number_units`), read once from the list.
    private(set) var largeNumberUnits: [LargeNumberUnit] = []

    /// A unit large amounts are shown in: from `threshold` up, the amount divided by `divisor` fills `pattern`'s `{n}`.
    struct LargeNumberUnit: Sendable, Equatable {
        var threshold: Double
        var divisor: Double
        var pattern: String

        /// `"1000000000/1000000000: {n} bn"`; nil for anything else.
        init?(_ text: String) {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let numbers = text[..<colon].split(separator: "/").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 2, numbers.allSatisfy({ $0 > 0 }) else { return nil }
            (threshold, divisor) = (numbers[0], numbers[1])
            pattern = String(text[text.index(after: colon)...].drop { $0 == " " })
        }
    }

    /// Every key, for completeness checks.
    public var keys: Set<String> { Set(texts.keys).union(lists.keys) }

    /// The text of `key`; a missing key shows as itself, so it is visible rather than blank.
    public subscript(key: String) -> String { texts[key] ?? key }

    /// The name of a relationship stage, e.g. "Early KAM".
    public func name(of stage: Stage) -> String { self["stage_\(stage.rawValue)"] }

    /// A list of texts, such as the bullets of a stage's guidance.
    public func list(_ key: String) -> [String] { lists[key] ?? [] }

    /// The text of `key` with each `{name}` replaced by its argument.
    public func format(_ key: String, _ arguments: [String: String]) -> String {
        Self.fill(self[key], arguments)
    }

    /// `template` with each `{name}` replaced by its value, in one pass; unknown names stay as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// `key_one` for a count of 1, else `key_other`, with `{count}` and the other arguments filled in.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        let form = count == 1 && texts[key + "_one"] != nil ? key + "_one" : key + "_other"
        return format(form, arguments.merging(["count": String(count)]) { first, _ in first })
    }

    /// The texts as templates see them, under `t`.
    var templateTable: [String: Any] { texts }
}

extension Strings {
    /// Parses a strings file: a flat YAML mapping of keys to texts or lists of texts.
    static func parse(_ text: String, language: String, path: String) -> (Strings, [Diagnostic]) {
        var strings = Strings(language: language)
        let (root, diagnostics) = YAMLComposer.compose(FrontMatter(yaml: text, yamlLine: 1, body: "", bodyLine: 1), path: path)
        guard diagnostics.isEmpty else { return (strings, diagnostics) }
        var reader = NodeReader(path: path, yamlLine: 1, yaml: text)
        guard let root, case .mapping(let mapping) = root else {
            reader.report(.notAMapping(key: nil, found: root.map { reader.describe($0) } ?? "nothing"), at: root)
            return (strings, reader.diagnostics)
        }
        reader.reportControlCharacters(in: root, at: nil)
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if case .sequence = value {
                strings.lists[name] = reader.textList(value, at: name)
                if name == "large_number_units" {
                    strings.largeNumberUnits = strings.list(name).compactMap(LargeNumberUnit.init)
                }
            } else if case .scalar(let scalar) = value {
                strings.texts[name] = scalar.string
            } else {
                reader.report(.wrongType(key: name, expected: "text or a list of texts", found: reader.describe(value)), at: value)
            }
        }
        return (strings, reader.diagnostics)
    }
}
