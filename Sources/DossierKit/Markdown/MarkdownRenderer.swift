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

    /// Renders `markdown` to HTML and extracts the talking points.
    public func render(_ markdown: String) -> RenderedMarkdown {
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, options) }) else {
            return RenderedMarkdown(html: "", talkingPointsHTML: nil)
        }
        defer { cmark_node_free(document) }
        let html = renderHTML(document)
        return RenderedMarkdown(html: html, talkingPointsHTML: extractTalkingPoints(from: document))
    }

    private func renderHTML(_ node: OpaquePointer) -> String {
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Moves the talking-points section's nodes into a document of their own and renders it.
    private func extractTalkingPoints(from document: OpaquePointer) -> String? {
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            guard headingLevel(current) == 2,
                  Self.talkingPointsHeadings.contains(plainText(of: current).lowercased()) else { continue }
            guard let section = cmark_node_new(CMARK_NODE_DOCUMENT) else { return nil }
            defer { cmark_node_free(section) }
            while let member = node, headingLevel(member).map({ $0 > 2 }) ?? true {
                node = cmark_node_next(member)
                cmark_node_unlink(member)
                cmark_node_append_child(section, member)
            }
            return renderHTML(section)
        }
        return nil
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
