import Mustache

/// The same HTML escaping as swift-mustache's default (`< > & " '`), in one pass over UTF-8 bytes
/// and not at all for text without those characters; control characters HTML forbids become U+FFFD
/// (`HTMLControlCharacters`). Escaping was about a tenth of build time.
struct FastHTMLEscaping: MustacheContentType {
    /// The name templates switch to it with: `{{% CONTENT_TYPE: DOSSIER_HTML}}`.
    static let name = "DOSSIER_HTML"

    /// Registers it with swift-mustache once; read before any template is parsed.
    static let isRegistered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
        return true
    }()

    /// The line put before every template, which the parser drops as a standalone tag.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// Text made safe for HTML text and attribute values: the one HTML escaper, used by templates,
    /// the inline SVG charts and the preview server's pages.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || HTMLControlCharacters.mayBegin($0) }) else {
            return text
        }
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count + 32)
        var index = 0
        while index < source.count {
            let byte = source[index]
            switch byte {
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x27: bytes += Array("&#39;".utf8)
            default:
                // Control characters HTML forbids (from git history, say) show as U+FFFD.
                let length = HTMLControlCharacters.length(in: source, at: index)
                if length > 0 {
                    bytes += HTMLControlCharacters.replacement
                    index += length
                    continue
                }
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
