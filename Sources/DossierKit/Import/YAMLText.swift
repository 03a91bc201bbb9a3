/// Values written as YAML text that reads back as exactly the same value, whatever they hold.
///
/// Text is always double-quoted, the one YAML style in which every character can be written: `\` and
/// `"` are escaped, line breaks and tabs become `\n` and `\t`, and the characters YAML would take for
/// line breaks or drop (U+0085, U+2028, U+2029, U+FEFF) are written as `\u` escapes. So `yes`, `null`,
/// `- x`, `a: #b`, `007` or `---` stay text, and one value is always one line.
enum YAMLText {
    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A number as YAML reads it back (`Double.plainText`).
    static func number(_ value: Double) -> String { value.plainText }

    /// A flow list of quoted texts: `["a", "b"]`.
    static func list(_ texts: [String]) -> String {
        "[" + texts.map(quoted).joined(separator: ", ") + "]"
    }
}
