/// The control characters HTML forbids in a document: C0 controls other than tab, line feed, form
/// feed and carriage return, DEL, and the C1 controls (U+0080 to U+009F).
///
/// A dossier's own values refuse them (an error at the value), but text that comes from git (commit
/// subjects, author names, values of an old version of a dossier) and a raw control byte in a body
/// can still hold them. Pages show each as U+FFFD instead, so they stay valid HTML and a terminal
/// that shows a page's source is not driven by it.
enum HTMLControlCharacters {
    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether `byte` is, or may begin (0xC2 begins the C1 controls), a forbidden control character.
    @inline(__always)
    static func mayBegin(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F || byte == 0xC2
    }

    /// The length in bytes of the forbidden control character at `index` of `bytes`, or 0 when there is none.
    @inline(__always)
    static func length(in bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2 {
            return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) ? 2 : 0
        }
        return mayBegin(byte) ? 1 : 0
    }

    /// `text` with every forbidden control character replaced by U+FFFD; the text itself when it has none.
    static func replaced(in text: String) -> String {
        guard text.utf8.contains(where: mayBegin) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            let length = length(in: bytes, at: index)
            if length > 0 {
                result += replacement
                index += length
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
