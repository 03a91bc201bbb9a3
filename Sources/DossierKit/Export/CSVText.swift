/// CSV as RFC 4180 writes it, the one place that quotes fields.
///
/// A field is quoted when it holds a comma, a quote, a line break (CR or LF), or starts or ends with a
/// space (which some spreadsheets trim); inside quotes, each `"` is doubled. Records end in CRLF, as the
/// RFC says and spreadsheets expect.
enum CSVText {
    /// One field, quoted when it must be.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: its fields, separated by commas, and the CRLF that ends it.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
