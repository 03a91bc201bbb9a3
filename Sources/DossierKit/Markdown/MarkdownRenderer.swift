import CCmark
import Foundation

/// A dossier body rendered to HTML, with the sections the brief picks out.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The whole body as HTML.
    public var html: String
    /// The HTML of the `## Talking points` section's content, without its heading, when the body has one.
    public var talkingPointsHTML: String?
}

/// Renders Markdown to HTML with cmark, the CommonMark reference library.
///
/// This is the only file that touches cmark: no C pointer leaves it, and every node or buffer is freed
/// right where it is allocated. Safe mode is the default: raw HTML is omitted and `javascript:`,
/// `vbscript:`, `file:` and most `data:` links are dropped.
public struct MarkdownRenderer: Sendable {
    /// Headings (compared case-insensitively) that open the talking-points section.
    public static let talkingPointsHeadings: Set<String> = ["talking points", "谈话要点"]

    public var isUnsafeHTMLAllowed: Bool

    public init(isUnsafeHTMLAllowed: Bool = false) {
        self.isUnsafeHTMLAllowed = isUnsafeHTMLAllowed
    }

    private var options: Int32 {
        isUnsafeHTMLAllowed ? Int32(CMARK_OPT_UNSAFE) : Int32(CMARK_OPT_DEFAULT)
    }

    /// Renders the body section by section (see `sectionStarts(in:)`), so cmark's tree, tens of bytes
    /// per byte of Markdown, exists for one section at a time; the HTML is the same as in one piece.
    /// Internal so tests can compare with the whole-document rendering.
    var rendersInSections = true

    /// The smallest piece a body is cut into: a body below it (any usual dossier) is parsed whole, and a
    /// large one costs one parse per 64 KB or so, while cmark's tree stays a few MB. Tests lower it.
    var minimumPieceBytes = 65_536

    /// Renders `markdown` to HTML and extracts the talking points.
    public func render(_ markdown: String) -> RenderedMarkdown {
        var markdown = markdown
        markdown.makeContiguousUTF8()
        let starts = rendersInSections ? Self.sectionStarts(in: markdown, minimumPieceBytes: minimumPieceBytes) : []
        var pieces: [String] = []
        var talkingPoints: [String]?
        var isInTalkingPoints = false
        var start = markdown.startIndex
        var next = 0
        var isSplitting = true
        while true {
            let end = isSplitting && next < starts.count ? starts[next] : markdown.endIndex
            guard let document = parse(markdown[start..<end]) else { return RenderedMarkdown(html: "", talkingPointsHTML: nil) }
            defer { cmark_node_free(document) }
            if end != markdown.endIndex, mayContinue(document, text: markdown[start..<end]) {
                // The piece's last block could take in the next line (an unclosed fence, an HTML block):
                // the rest is rendered in one piece, parsing this piece once more at most.
                isSplitting = false
                continue
            }
            next += 1
            pieces.append(renderHTML(document))
            if isInTalkingPoints, let first = cmark_node_first_child(document) {
                let (html, isComplete) = moveSection(startingAt: first)
                talkingPoints?.append(html)
                isInTalkingPoints = !isComplete
            } else if talkingPoints == nil, let (html, isComplete) = extractTalkingPoints(from: document) {
                talkingPoints = [html]
                isInTalkingPoints = !isComplete
            }
            if end == markdown.endIndex { break }
            start = end
        }
        return RenderedMarkdown(html: Self.joined(pieces), talkingPointsHTML: talkingPoints.map(Self.joined))
    }

    /// Joined once at the final size: a string grown piece by piece leaves every smaller buffer behind.
    private static func joined(_ pieces: [String]) -> String {
        var text = ""
        text.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { text += piece }
        return text
    }

    /// Where the body may be cut into pieces rendered one by one: at each line that opens an ATX
    /// heading of level 1 or 2 (`# ` or `## ` at the line's start), and at each line that starts with
    /// a letter after a blank line (a new paragraph). Such a line closes every open block (lists and
    /// quotes need indentation or `>` to go on after a blank line or before a heading, and a heading
    /// interrupts a paragraph) except a fenced code or HTML block, which `render` checks in cmark's own
    /// tree. No cut at all when the body may hold a link reference definition (`]:` anywhere;
    /// definitions apply to the whole document), a `{private}` heading (whose section may span
    /// pieces) or a carriage return (lines are counted at `\n` only).
    /// Pieces are at least `minimumPieceBytes` long, but for the last.
    static func sectionStarts(in markdown: String, minimumPieceBytes: Int = 0) -> [String.Index] {
        let utf8 = markdown.utf8
        guard utf8.count > minimumPieceBytes, !contains("]:", in: markdown), !contains("{private}", in: markdown),
              !utf8.contains(UInt8(ascii: "\r")) else { return [] }
        let hash = UInt8(ascii: "#"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte >= 0x80
        }
        var starts: [String.Index] = []
        var index = utf8.startIndex
        var isAfterBlankLine = false
        var lineStart = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: newline) {
            isAfterBlankLine = utf8[lineStart..<found].allSatisfy { $0 == space || $0 == tab }
            lineStart = utf8.index(after: found)
            index = lineStart
            guard lineStart < utf8.endIndex else { break }
            guard utf8.distance(from: starts.last ?? utf8.startIndex, to: lineStart) >= minimumPieceBytes else { continue }
            if isAfterBlankLine, isLetter(utf8[lineStart]) {
                starts.append(lineStart)
                continue
            }
            var cursor = lineStart
            var level = 0
            while cursor < utf8.endIndex, utf8[cursor] == hash, level < 3 {
                level += 1
                cursor = utf8.index(after: cursor)
            }
            guard (1...2).contains(level) else { continue }
            if cursor == utf8.endIndex || [space, tab, newline].contains(utf8[cursor]) { starts.append(lineStart) }
        }
        return starts
    }

    /// Whether `text` holds `needle`, byte for byte (Foundation's `contains` is slow on large text).
    private static func contains(_ needle: String, in text: String) -> Bool {
        let pattern = Array(needle.utf8)
        var text = text
        return text.withUTF8 { bytes in
            guard let first = pattern.first, bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == first, pattern.indices.allSatisfy({ bytes[index + $0] == pattern[$0] }) { return true }
                index += 1
            }
            return false
        }
    }

    /// Parses part of the body; nil only when cmark cannot allocate.
    private func parse(_ markdown: Substring) -> OpaquePointer? {
        let parsed = markdown.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        if let parsed { return parsed }
        return String(markdown).withCString { cmark_parse_document($0, strlen($0), options) }
    }

    /// Whether the document's last block could go on past its end: an HTML block, or a fenced code
    /// block whose last line is not a closing fence. (An indented code block, a list or a quote ends
    /// at a line that starts without indentation or `>`.)
    private func mayContinue(_ document: OpaquePointer, text: Substring) -> Bool {
        guard let last = cmark_node_last_child(document) else { return false }
        switch cmark_node_get_type(last) {
        case CMARK_NODE_HTML_BLOCK:
            return true
        case CMARK_NODE_CODE_BLOCK:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Int(cmark_node_get_start_line(last)), final = Int(cmark_node_get_end_line(last))
            guard lines.indices.contains(first - 1), lines.indices.contains(final - 1) else { return true }
            guard let opening = Self.fence(in: lines[first - 1]) else { return false }  // indented code
            guard final > first, let closing = Self.fence(in: lines[final - 1]) else { return true }
            let isClosingFence = closing.character == opening.character && closing.length >= opening.length
                && lines[final - 1].drop { $0 == " " }.drop { $0 == opening.character }.allSatisfy { $0 == " " || $0 == "\t" }
            return !isClosingFence
        default:
            return false
        }
    }

    /// The fence that opens or closes a fenced code block on `line`: up to three spaces, then three or
    /// more backticks or tildes.
    private static func fence(in line: Substring) -> (character: Character, length: Int)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3, let character = line.dropFirst(indent).first, character == "`" || character == "~" else { return nil }
        let length = line.dropFirst(indent).prefix { $0 == character }.count
        return length >= 3 ? (character, length) : nil
    }

    private func renderHTML(_ node: OpaquePointer) -> String {
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Moves the talking-points section's nodes into a document of their own and renders it; complete
    /// when a heading of level 1 or 2 ended it (else it may go on in the next piece of the body).
    private func extractTalkingPoints(from document: OpaquePointer) -> (html: String, isComplete: Bool)? {
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            guard headingLevel(current) == 2,
                  Self.talkingPointsHeadings.contains(plainText(of: current).lowercased()) else { continue }
            guard let first = node else { return ("", false) }
            return moveSection(startingAt: first)
        }
        return nil
    }

    /// Renders `first` and the nodes after it up to a heading of level 1 or 2, moved into a document of
    /// their own; says whether such a heading ended the section.
    private func moveSection(startingAt first: OpaquePointer) -> (html: String, isComplete: Bool) {
        guard let section = cmark_node_new(CMARK_NODE_DOCUMENT) else { return ("", true) }
        defer { cmark_node_free(section) }
        var node: OpaquePointer? = first
        while let member = node, headingLevel(member).map({ $0 > 2 }) ?? true {
            node = cmark_node_next(member)
            cmark_node_unlink(member)
            cmark_node_append_child(section, member)
        }
        return (renderHTML(section), node != nil)
    }

    private func headingLevel(_ node: OpaquePointer) -> Int? {
        cmark_node_get_type(node) == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : nil
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            if let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
