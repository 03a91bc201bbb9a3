import Foundation

/// Prints diagnostics for people (compiler style) or for tools (JSON, GitHub Actions workflow commands).
public enum DiagnosticReport {
    /// One `path:line:col: severity: message` line per diagnostic, then the summary line; control
    /// characters from the site (newlines too, so one diagnostic stays one line) are shown escaped.
    public static func text(_ diagnostics: [Diagnostic], summary: String) -> String {
        (diagnostics.map { TerminalText.escaped($0.formatted) } + [summary]).joined(separator: "\n") + "\n"
    }

    /// The same diagnostics as a JSON document with sorted keys; a health finding or positive signal also has
    /// `rule`, its id, and `kind`, `finding` or `signal`. `notes` counts the notes that are not signals.
    public static func json(_ diagnostics: [Diagnostic], errors: Int, warnings: Int, notes: Int, signals: Int = 0, dossiers: Int) -> String {
        struct Entry: Encodable {
            let file: String, line: Int, column: Int, severity: String, message: String, stage: String
            /// The health rule's or signal's id, for findings and signals only (left out of other diagnostics).
            let rule: String?
            /// `finding` or `signal`, for findings and signals only.
            let kind: String?
        }
        struct Document: Encodable {
            let diagnostics: [Entry]
            let errors: Int, warnings: Int, notes: Int, signals: Int, dossiers: Int
        }
        let entries = diagnostics.map {
            Entry(file: $0.location.path, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, message: $0.message, stage: $0.stage.rawValue, rule: $0.ruleID,
                  kind: $0.ruleID == nil ? nil : $0.isSignal ? "signal" : "finding")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(diagnostics: entries, errors: errors, warnings: warnings, notes: notes, signals: signals, dossiers: dossiers)
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return escapingRemainingControls(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// One GitHub Actions workflow command per diagnostic (`::error file=…,line=…,col=…::message`; warnings
    /// and notes as `::warning` and `::notice`), so a pull request shows them on the lines they are about,
    /// then the summary as a plain log line. Properties and message are escaped as GitHub documents, so a
    /// path or message can never end the command early or start another.
    public static func github(_ diagnostics: [Diagnostic], summary: String) -> String {
        let lines = diagnostics.map { diagnostic in
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let location = diagnostic.location
            let properties = [("file", location.path), ("line", String(location.line)), ("col", String(location.column))]
                .map { "\($0.0)=\(escapedProperty($0.1))" }.joined(separator: ",")
            return "::\(command) \(properties)::\(escapedData(diagnostic.message))"
        }
        return (lines + [escapedData(summary)]).joined(separator: "\n") + "\n"
    }

    /// A workflow command's message: `%`, carriage return and line feed percent-encoded.
    static func escapedData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A workflow command's property value: as data, and `:` and `,` too, which end a property.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }

    /// JSON escapes C0 controls itself; DEL and C1 controls (which can only stand inside strings) become
    /// `\u00XX` escapes too, so the document is safe on a terminal and decodes to the same text.
    private static func escapingRemainingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                result.append(contentsOf: "\\u00\(String(scalar.value, radix: 16, uppercase: true))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
