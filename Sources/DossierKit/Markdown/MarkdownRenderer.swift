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

    /// Renders `markdown` to HTML and extracts the talking points.
    public func render(_ markdown: String) -> RenderedMarkdown {
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, options) }) else {
            return RenderedMarkdown(html: "", talkingPointsHTML: nil)
        }
        defer { cmark_node_free(document) }
        handlePrivateSections(in: document)
        let html = renderHTML(document)
        return RenderedMarkdown(html: html, talkingPointsHTML: extractTalkingPoints(from: document))
    }

    private func renderHTML(_ node: OpaquePointer) -> String {
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Moves the talking-points section's nodes into a document of their own and renders it. A section
    /// inside a private one (or private itself), when shown, stays marked as private.
    private func extractTalkingPoints(from document: OpaquePointer) -> String? {
        guard let (heading, isPrivate) = talkingPointsHeading(in: document, isPrivate: false),
              let section = cmark_node_new(CMARK_NODE_DOCUMENT) else { return nil }
        defer { cmark_node_free(section) }
        var target = section
        if isPrivate {
            guard case .shown(let label) = privateSections, let wrapper = privateWrapper(label: label, labelled: true) else { return nil }
            cmark_node_append_child(section, wrapper)
            target = wrapper
        }
        var member = cmark_node_next(heading)
        while let next = member, sectionLevel(next).map({ $0 > 2 }) ?? true {
            member = cmark_node_next(next)
            cmark_node_unlink(next)
            cmark_node_append_child(target, next)
        }
        return renderHTML(section)
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
                cmark_node_set_on_enter(badge, " <span class=\"private-label\">\(Self.escaped(label))</span>")
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
        let badge = labelled ? "<p class=\"private-label\">\(Self.escaped(label))</p>" : ""
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

    /// Text made safe to put into HTML as it is.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
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
