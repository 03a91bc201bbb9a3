import CCmark
import Foundation

/// A dossier body rendered to HTML, with the sections the brief picks out.
public struct RenderedMarkdown: Sendable, Equatable, Codable {
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
    /// Headings (compared case-insensitively) that open the talking-points section: the built-in
    /// `talking_points` label of every language, whatever the site's language.
    public static let talkingPointsHeadings = Set(Strings.languages.map { Strings.builtin($0)["talking_points"].lowercased() })

    /// What becomes of the sections whose heading ends with `{private}`.
    public enum PrivateSections: Sendable, Equatable {
        /// Left out with everything under them: the heading and what follows it up to the next heading
        /// of the same or a higher level. The safe default.
        case removed
        /// Shown in `<div class="private">`, the marker replaced by `<span class="private-label">` with this text.
        case shown(label: String)
    }

    public var isUnsafeHTMLAllowed: Bool
    public var privateSections: PrivateSections

    public init(isUnsafeHTMLAllowed: Bool = false, privateSections: PrivateSections = .removed) {
        self.isUnsafeHTMLAllowed = isUnsafeHTMLAllowed
        self.privateSections = privateSections
    }

    /// The marker that makes a heading's section private, matched at the heading's end, in any case.
    public static let privateMarker = "{private}"

    private var options: Int32 {
        isUnsafeHTMLAllowed ? Int32(CMARK_OPT_UNSAFE) : Int32(CMARK_OPT_DEFAULT)
    }

    /// Renders the body piece by piece (see `cuts(in:)`), so cmark's tree, tens of bytes per byte of
    /// Markdown, exists for one piece at a time; the HTML is the same as in one piece.
    /// Open to tests and the fuzzer (`@_spi(Testing)`) so they can compare with the whole-document rendering.
    @_spi(Testing) public var rendersInSections = true

    /// The smallest piece a body is cut into: a body below it (any usual dossier) is parsed whole, and a
    /// large one costs one parse per 64 KB or so, while cmark's tree stays a few MB. Tests lower it.
    @_spi(Testing) public var minimumPieceBytes = 65_536

    /// Renders `markdown` to HTML and extracts the talking points.
    public func render(_ markdown: String) -> RenderedMarkdown {
        var markdown = markdown
        markdown.makeContiguousUTF8()
        let cuts = rendersInSections ? Self.cuts(in: markdown, minimumPieceBytes: minimumPieceBytes) : []
        var output = Output()
        var start = markdown.startIndex
        var next = 0
        var isSplitting = true
        // The block the previous piece ended in, when the cut fell inside it, and where that block's
        // first piece began: if a later piece shows that the cut changed the block, it is rendered again
        // with the rest in one piece.
        var openBlock: OpenBlock?
        var blockStart = (start: start, next: next, output: output)
        var extensions = 0
        while true {
            let cut = isSplitting && next < cuts.count ? cuts[next] : nil
            let end = cut?.index ?? markdown.endIndex
            let text = markdown[start..<end]
            guard let document = parse(text) else { return RenderedMarkdown(html: "", talkingPointsHTML: nil) }
            defer { cmark_node_free(document) }
            if openBlock == nil { blockStart = (start, next, output) }
            let endBlock = cut.flatMap { block(endingPieceOf: document, text: text, cutKind: $0.kind) }
            if let cut, cut.kind == .betweenBlocks ? mayContinue(document, text: text) : endBlock == nil {
                // The piece's last block could take in the next line (an unclosed fence, an HTML block, a
                // paragraph inside a quote, emphasis not closed yet): the piece is tried up to the next cut,
                // a few times, and then the rest is rendered in one piece.
                extensions += 1
                if extensions > Self.maximumExtensions { isSplitting = false } else { next += 1 }
                continue
            }
            extensions = 0
            handlePrivateSections(in: document)
            guard openBlock.map({ continues($0, in: document, text: text) }) ?? true,
                  let rendered = output.appending(document, html: renderHTML(document), continuing: openBlock, renderer: self) else {
                (start, next, output) = blockStart
                openBlock = nil
                isSplitting = false
                continue
            }
            output = rendered
            openBlock = endBlock
            next += 1
            if end == markdown.endIndex { break }
            start = end
        }
        return RenderedMarkdown(html: Self.joined(output.pieces), talkingPointsHTML: output.talkingPoints.map(Self.joined))
    }

    /// How many times a piece whose cut would change its last block is tried up to the next cut.
    private static let maximumExtensions = 8

    /// The HTML of the pieces rendered so far, and of the talking points.
    private struct Output {
        var pieces: [String] = []
        var talkingPoints: [String]?
        var isInTalkingPoints = false

        /// With the next piece's document (whose talking points it moves out) and HTML added; nil when
        /// the piece does not go on with the block the cut fell in, as the whole document would.
        func appending(_ document: OpaquePointer, html: String, continuing block: OpenBlock?, renderer: MarkdownRenderer) -> Output? {
            var output = self
            if let block {
                guard Self.join(html, to: &output.pieces, across: block) else { return nil }
            } else {
                output.pieces.append(html)
            }
            if output.isInTalkingPoints, let first = cmark_node_first_child(document) {
                let (section, isComplete) = renderer.moveSection(startingAt: first)
                var talkingPoints = output.talkingPoints ?? []
                if let block {
                    guard Self.join(section, to: &talkingPoints, across: block) else { return nil }
                } else {
                    talkingPoints.append(section)
                }
                output.talkingPoints = talkingPoints
                output.isInTalkingPoints = !isComplete
            } else if output.talkingPoints == nil, let (section, isComplete) = renderer.extractTalkingPoints(from: document) {
                output.talkingPoints = [section]
                output.isInTalkingPoints = !isComplete
            }
            return output
        }

        /// Joins a piece's HTML to the previous piece's where the cut fell inside `block`, as one block:
        /// the closing tags and the next piece's opening tags go, and a paragraph gets its line break
        /// back. False when the HTML does not have that shape.
        private static func join(_ html: String, to pieces: inout [String], across block: OpenBlock) -> Bool {
            guard var last = pieces.popLast() else { return false }
            let isParagraph = block.leaf == .paragraph
            let closingQuotes = String(repeating: "</blockquote>\n", count: block.quotes)
            let openingQuotes = String(repeating: "<blockquote>\n", count: block.quotes)
            let closings = (isParagraph ? ["</p>\n"] : ["</ul>\n", "</ol>\n"]).map { $0 + closingQuotes }
            let inner = html.utf8.dropFirst(openingQuotes.utf8.count)
            guard let closing = closings.first(where: { last.utf8.reversed().starts(with: $0.utf8.reversed()) }),
                  html.utf8.starts(with: (openingQuotes + (isParagraph ? "<p>" : "<")).utf8),
                  let openingEnd = isParagraph ? inner.firstIndex(of: UInt8(ascii: ">")) : inner.firstIndex(of: UInt8(ascii: "\n"))
            else { return false }
            last.removeLast(closing.count)
            pieces.append(last)
            pieces.append((isParagraph ? "\n" : "") + html[html.utf8.index(after: openingEnd)...])
            return true
        }
    }

    /// The block a piece ends in when the cut after it falls inside that block: a paragraph or a tight
    /// list, at the top level or in block quotes.
    private struct OpenBlock: Equatable {
        enum Leaf: Equatable {
            case paragraph
            /// `marker` is a bullet list's bullet or an ordered list's delimiter: another one starts another list.
            case list(isOrdered: Bool, marker: UInt8)
        }
        /// How many block quotes hold the leaf.
        var quotes: Int
        var leaf: Leaf

        /// The block that the document parsed from `text` ends with (`atEnd`) or starts with on its
        /// first line, through block quotes; nil for any other block.
        init?(of document: OpaquePointer, in text: Substring, atEnd: Bool) {
            func child(_ node: OpaquePointer) -> OpaquePointer? {
                guard let child = atEnd ? cmark_node_last_child(node) : cmark_node_first_child(node) else { return nil }
                return atEnd || cmark_node_get_start_line(child) == 1 ? child : nil
            }
            guard var node = child(document) else { return nil }
            var quotes = 0
            while cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE {
                guard let inner = child(node) else { return nil }
                node = inner
                quotes += 1
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                guard !atEnd || !Self.mayOpenInlineSyntax(node) else { return nil }
                leaf = .paragraph
            case CMARK_NODE_LIST where cmark_node_get_list_tight(node) != 0:
                if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                    leaf = .list(isOrdered: true, marker: UInt8(ascii: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."))
                } else {
                    let line = MarkdownRenderer.line(Int(cmark_node_get_start_line(node)), of: text)
                    guard let bullet = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">") }) else { return nil }
                    leaf = .list(isOrdered: false, marker: bullet)
                }
            default:
                return nil
            }
            self.quotes = quotes
        }

        /// Whether text in `paragraph` holds a character that may open inline syntax that a later line
        /// could close: emphasis, a link's bracket, a code span's backticks, HTML, an escape. cmark
        /// leaves such openers as text when nothing in the piece closes them.
        private static func mayOpenInlineSyntax(_ paragraph: OpaquePointer) -> Bool {
            guard let iterator = cmark_iter_new(paragraph) else { return true }
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
                      let literal = cmark_node_get_literal(node) else { continue }
                var byte = literal
                while byte.pointee != 0 {
                    if inlineOpeners.contains(UInt8(bitPattern: byte.pointee)) { return true }
                    byte += 1
                }
            }
            return false
        }
        private static let inlineOpeners = Set("\\`*_[<".utf8)
    }

    /// The block the piece's document ends in when the cut after it falls inside that block, as
    /// `cutKind` expects it; nil when the cut does not fall inside a block or the piece ends otherwise.
    private func block(endingPieceOf document: OpaquePointer, text: Substring, cutKind: Cut.Kind) -> OpenBlock? {
        guard cutKind != .betweenBlocks, let block = OpenBlock(of: document, in: text, atEnd: true),
              (block.leaf == .paragraph) == (cutKind == .withinParagraph) else { return nil }
        return block
    }

    /// Whether the document's first block starts on its first line and is the same kind of block as
    /// `block`, so that the whole document would have `block` go on into it.
    private func continues(_ block: OpenBlock, in document: OpaquePointer, text: Substring) -> Bool {
        OpenBlock(of: document, in: text, atEnd: false) == block
    }

    /// The bytes of line `number` (1-based) of `text`, without its newline.
    private static func line(_ number: Int, of text: Substring) -> Substring.UTF8View.SubSequence {
        var utf8 = text.utf8[...]
        for _ in 1..<max(number, 1) {
            guard let newline = utf8.firstIndex(of: UInt8(ascii: "\n")) else { return utf8[utf8.endIndex...] }
            utf8 = utf8[utf8.index(after: newline)...]
        }
        return utf8.prefix { $0 != UInt8(ascii: "\n") }
    }

    /// Joined once at the final size: a string grown piece by piece leaves every smaller buffer behind.
    private static func joined(_ pieces: [String]) -> String {
        var text = ""
        text.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { text += piece }
        return text
    }

    /// A place where the body may be cut, at the start of a line.
    struct Cut: Equatable {
        enum Kind: Equatable {
            /// Every block before the line ends there, unless a fence or HTML block runs on.
            case betweenBlocks
            /// The line may go on with a paragraph of plain text: the pieces' HTML is joined back into
            /// one paragraph when cmark shows that the paragraph runs on in both pieces.
            case withinParagraph
            /// The line may start the next item of a tight list, joined likewise.
            case betweenListItems
        }
        var index: String.Index
        var kind: Kind
    }

    /// Where the body may be cut into pieces rendered one by one, each cut a line start at least
    /// `minimumPieceBytes` after the previous one:
    /// - between blocks: at each line that opens an ATX heading of level 1 or 2 (`# ` or `## ` at the
    ///   line's start), and at each line that starts with a letter after a blank line (a new paragraph).
    ///   Such a line closes every open block (lists and quotes need indentation or `>` to go on after
    ///   a blank line or before a heading, and a heading interrupts a paragraph) except a fenced code
    ///   or HTML block, which `render` checks in cmark's own tree;
    /// - inside a paragraph, at a line that cannot start a block after a line that does not end in a
    ///   space (a hard break);
    /// - between list items, at a list marker at the line's start after a line that is not blank;
    /// - and likewise inside block quotes, after the line's `>` markers.
    /// The last two are only candidates: `render` cuts there only when cmark's tree of the piece before
    /// shows the paragraph or list running on and no inline syntax left open, and joins the pieces only
    /// when the tree of the piece after shows the same block; else it renders the block in one piece.
    /// No cut at all when the body may hold a link reference definition (`]:` anywhere; definitions
    /// apply to the whole document), a `{private}` heading (whose section may span pieces) or a
    /// carriage return (lines are counted at `\n` only).
    static func cuts(in markdown: String, minimumPieceBytes: Int = 0) -> [Cut] {
        let utf8 = markdown.utf8
        guard utf8.count > minimumPieceBytes, !contains("]:", in: markdown), !mentionsPrivateMarker(markdown),
              !utf8.contains(UInt8(ascii: "\r")) else { return [] }
        var cuts: [Cut] = []
        var lineStart = utf8.startIndex
        var isPreviousLineBlank = true
        var isPreviousContentBlank = true  // within its block quotes
        var previousLineEndsInSpace = false
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            let content = withoutQuoteMarkers(line)
            let isBlank = Self.isBlank(line), isContentBlank = Self.isBlank(content)
            if lineStart != utf8.startIndex, !isBlank,
               utf8.distance(from: cuts.last?.index ?? utf8.startIndex, to: lineStart) >= minimumPieceBytes,
               let kind = cutKind(before: line, content: content, isAfterBlankLine: isPreviousLineBlank,
                                  isAfterBlankContent: isPreviousContentBlank, mayGoOnWithParagraph: !previousLineEndsInSpace) {
                cuts.append(Cut(index: lineStart, kind: kind))
            }
            isPreviousLineBlank = isBlank
            isPreviousContentBlank = isContentBlank
            previousLineEndsInSpace = line.last == UInt8(ascii: " ") || line.last == UInt8(ascii: "\t")
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return cuts
    }

    /// The kind of cut that may fall before `line`, a line that is neither blank nor the first, whose
    /// `content` is what follows its block quote markers.
    private static func cutKind(
        before line: Substring.UTF8View, content: Substring.UTF8View, isAfterBlankLine: Bool, isAfterBlankContent: Bool,
        mayGoOnWithParagraph: Bool
    ) -> Cut.Kind? {
        guard let first = line.first else { return nil }
        if isAfterBlankLine { return isLetter(first) ? .betweenBlocks : nil }
        let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
        if (1...2).contains(hashes) {
            let after = line.dropFirst(hashes).first
            return after == nil || after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") ? .betweenBlocks : nil
        }
        // A blank line inside the quotes ends a paragraph and makes a list loose: no join across it.
        guard !isAfterBlankContent, let contentFirst = content.first else { return nil }
        if isListMarker(at: content) { return .betweenListItems }
        return mayGoOnWithParagraph && !mayStartBlock(contentFirst) ? .withinParagraph : nil
    }

    private static func isBlank(_ line: Substring.UTF8View) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The line after its block quote markers (`>` and one optional space, repeated).
    private static func withoutQuoteMarkers(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var content = line
        while content.first == UInt8(ascii: ">") {
            content = content.dropFirst()
            if content.first == UInt8(ascii: " ") { content = content.dropFirst() }
        }
        return content
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte >= 0x80
    }

    /// Whether a line starting with `byte` might open a block (or be indented code, or a setext
    /// underline) rather than go on with a paragraph.
    private static func mayStartBlock(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || blockStarts.contains(byte)
    }
    private static let blockStarts = Set(" \t#-+*>`~<=_".utf8)

    /// Whether `line` starts with a list marker at its first column: `-`, `+` or `*`, or up to nine
    /// digits and `.` or `)`, followed by a space, a tab or the line's end.
    private static func isListMarker(at line: Substring.UTF8View) -> Bool {
        guard let first = line.first else { return false }
        var rest = line.dropFirst()
        if !bullets.contains(first) {
            let digits = line.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            guard (1...9).contains(digits), let delimiter = line.dropFirst(digits).first,
                  delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return false }
            rest = line.dropFirst(digits + 1)
        }
        return rest.first.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? true
    }
    private static let bullets = Set("-+*".utf8)

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
        // cmark passes raw control bytes of the body through; HTML forbids most of them.
        return HTMLControlCharacters.replaced(in: String(cString: buffer))
    }

    /// Moves the talking-points section's nodes into a document of their own and renders it; complete
    /// when a heading of level 1 or 2 ended it (else it may go on in the next piece of the body). A
    /// section inside a private one (or private itself), when shown, stays marked as private.
    private func extractTalkingPoints(from document: OpaquePointer) -> (html: String, isComplete: Bool)? {
        guard let (heading, isPrivate) = talkingPointsHeading(in: document, isPrivate: false) else { return nil }
        var privateLabel: String?
        if isPrivate {
            guard case .shown(let label) = privateSections else { return nil }
            privateLabel = label
        }
        return moveSection(startingAt: cmark_node_next(heading), privateLabel: privateLabel)
    }

    /// The first level-2 talking-points heading among `container`'s children, looking into private
    /// sections' wrappers (whose children are top-level blocks too) but not into lists or quotes.
    private func talkingPointsHeading(in container: OpaquePointer, isPrivate: Bool) -> (OpaquePointer, Bool)? {
        var node = cmark_node_first_child(container)
        while let current = node {
            node = cmark_node_next(current)
            if isPrivateWrapper(current) {
                if let found = talkingPointsHeading(in: current, isPrivate: true) { return found }
            } else if headingLevel(current) == 2, Self.talkingPointsHeadings.contains(plainText(of: current).lowercased()) {
                return (current, isPrivate)
            }
        }
        return nil
    }

    /// Renders `first` and the nodes after it up to a heading of level 1 or 2 (or a private section
    /// opened by one), moved into a document of their own, inside a labelled private wrapper when
    /// `privateLabel` is given; says whether such a heading ended the section.
    private func moveSection(startingAt first: OpaquePointer?, privateLabel: String? = nil) -> (html: String, isComplete: Bool) {
        guard let section = cmark_node_new(CMARK_NODE_DOCUMENT) else { return ("", true) }
        defer { cmark_node_free(section) }
        var target = section
        if let privateLabel {
            guard let wrapper = privateWrapper(label: privateLabel, labelled: true) else { return ("", true) }
            cmark_node_append_child(section, wrapper)
            target = wrapper
        }
        var node = first
        while let member = node, sectionLevel(member).map({ $0 > 2 }) ?? true {
            node = cmark_node_next(member)
            cmark_node_unlink(member)
            cmark_node_append_child(target, member)
        }
        return (renderHTML(section), node != nil)
    }

    private func headingLevel(_ node: OpaquePointer) -> Int? {
        cmark_node_get_type(node) == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : nil
    }

    /// The level of the heading that opens `node`: a heading's own, or that of a private section's heading.
    private func sectionLevel(_ node: OpaquePointer) -> Int? {
        if isPrivateWrapper(node), let heading = cmark_node_first_child(node) { return headingLevel(heading) }
        return headingLevel(node)
    }

    /// Custom blocks are never parsed from Markdown: the only ones are the wrappers made here.
    private func isPrivateWrapper(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK
    }

    // MARK: Private sections

    /// The lines (1-based, in `markdown`) of headings that mention the private marker without ending
    /// with it: their sections are public, which is rarely what the author meant. Empty at once for a
    /// body that never mentions the marker.
    public static func headingsWithMisplacedPrivateMarker(in markdown: String) -> [Int] {
        guard mentionsPrivateMarker(markdown) else { return [] }
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        let renderer = MarkdownRenderer()
        var lines: [Int] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), renderer.headingLevel(node) != nil,
                  renderer.markerText(of: node) == nil,
                  renderer.plainText(of: node).range(of: privateMarker, options: .caseInsensitive) != nil else { continue }
            lines.append(Int(cmark_node_get_start_line(node)))
        }
        return lines
    }

    /// Whether `text` holds the marker in any case: one pass over its bytes, as this runs on every body.
    static func mentionsPrivateMarker(_ text: String) -> Bool {
        let tail = Array("private}".utf8)
        var utf8 = text.utf8[...]
        while let brace = utf8.firstIndex(of: UInt8(ascii: "{")) {
            utf8 = utf8[utf8.index(after: brace)...]
            let candidate = utf8.prefix(tail.count)
            if candidate.elementsEqual(tail, by: { ($0 | 0x20) == $1 }) { return true }
        }
        return false
    }

    /// Removes or marks every section whose heading ends with `{private}`, in any container (the
    /// document, a quote, a list item): the heading and its following siblings up to the next heading
    /// of the same or a higher level.
    private func handlePrivateSections(in document: OpaquePointer) {
        let headings = privateHeadings(in: document)
        guard !headings.isEmpty else { return }
        switch privateSections {
        case .removed:
            var removed: Set<OpaquePointer> = []
            var tops: [OpaquePointer] = []
            for heading in headings where !isInside(heading, removed) {
                let members = sectionMembers(startingAt: heading)
                removed.formUnion(members)
                tops += members
            }
            for node in tops { cmark_node_free(node) }
        case .shown(let label):
            for heading in headings {
                let members = sectionMembers(startingAt: heading)
                removeMarker(from: heading)
                guard let wrapper = privateWrapper(label: label, labelled: false),
                      let badge = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(badge, " <span class=\"private-label\">\(FastHTMLEscaping().escapeText(label))</span>")
                cmark_node_set_on_exit(badge, "")
                cmark_node_append_child(heading, badge)
                cmark_node_insert_before(heading, wrapper)
                for member in members { cmark_node_append_child(wrapper, member) }
            }
        }
    }

    /// `<div class="private">…</div>`, with a label paragraph first when `labelled`.
    private func privateWrapper(label: String, labelled: Bool) -> OpaquePointer? {
        guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        let badge = labelled ? "<p class=\"private-label\">\(FastHTMLEscaping().escapeText(label))</p>" : ""
        cmark_node_set_on_enter(wrapper, "<div class=\"private\">" + badge)
        cmark_node_set_on_exit(wrapper, "</div>")
        return wrapper
    }

    /// Headings ending with the marker, in document order; walked with cmark's iterator, as quotes and
    /// lists may nest deeper than a recursion should go.
    private func privateHeadings(in document: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var headings: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), headingLevel(node) != nil,
                  markerText(of: node) != nil else { continue }
            headings.append(node)
        }
        return headings
    }

    /// The trailing text nodes of a heading and their joined text, when that text ends with the marker.
    private func markerText(of heading: OpaquePointer) -> (nodes: [OpaquePointer], text: String)? {
        var nodes: [OpaquePointer] = []
        var child = cmark_node_last_child(heading)
        while let current = child, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            nodes.insert(current, at: 0)
            child = cmark_node_previous(current)
        }
        let text = nodes.map { cmark_node_get_literal($0).map { String(cString: $0) } ?? "" }.joined()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.lowercased().hasSuffix(Self.privateMarker) else { return nil }
        return (nodes, trimmed)
    }

    /// Takes the marker (and the white space before it) out of the heading's text.
    private func removeMarker(from heading: OpaquePointer) {
        guard let (nodes, text) = markerText(of: heading), let first = nodes.first else { return }
        let kept = String(text.dropLast(Self.privateMarker.count)).trimmingCharacters(in: .whitespaces)
        cmark_node_set_literal(first, kept)
        for node in nodes.dropFirst() { cmark_node_free(node) }
    }

    /// The heading and its following siblings up to the next heading of the same or a higher level.
    private func sectionMembers(startingAt heading: OpaquePointer) -> [OpaquePointer] {
        let level = headingLevel(heading) ?? 1
        var members = [heading]
        var node = cmark_node_next(heading)
        while let current = node, sectionLevel(current).map({ $0 > level }) ?? true {
            members.append(current)
            node = cmark_node_next(current)
        }
        return members
    }

    /// Whether `node` or one of its ancestors is in `nodes`.
    private func isInside(_ node: OpaquePointer, _ nodes: Set<OpaquePointer>) -> Bool {
        var current: OpaquePointer? = node
        while let value = current {
            if nodes.contains(value) { return true }
            current = cmark_node_parent(value)
        }
        return false
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
