/// Makes text from the site safe to print on a terminal: control characters a YAML escape can put into a
/// value (`"\e]0;title\a"`, `"\e[2J"`) would otherwise drive the terminal instead of being read.
///
/// The one place that decides what a terminal is shown: diagnostics, `changes` lines and every other
/// message the command line prints go through it.
public enum TerminalText {
    /// `text` with every C0 control (but tab, and newline when `keepsNewlines`), DEL and every C1 control
    /// written as a Swift-style escape such as `\u{1B}`.
    public static func escaped(_ text: String, keepsNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepsNewlines: keepsNewlines) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepsNewlines: keepsNewlines) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` is a control character other than tab (and newline when `keepsNewlines`).
    static func needsEscape(_ scalar: Unicode.Scalar, keepsNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepsNewlines
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Whether `scalar` is a control character that has no place in a value: C0 but tab and newline, DEL, C1.
    static func isForbiddenInValue(_ scalar: Unicode.Scalar) -> Bool {
        needsEscape(scalar, keepsNewlines: true)
    }
}
