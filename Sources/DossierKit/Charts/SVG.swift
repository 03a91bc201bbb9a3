import Foundation

/// The building blocks every chart shares: escaping, fixed-decimal numbers, text templates and the
/// outer `<svg>` element with its `<title>` and `<desc>`.
///
/// Everything here is deterministic: numbers go through `String(format:)` with a fixed number of
/// decimals (never a locale), so the same chart input gives the same bytes on every machine.
enum SVG {
    /// Colours of the default theme (templates/style.css).
    static let ink = "#1d2330"
    static let muted = "#5d6677"
    static let line = "#d9dde5"
    static let grid = "#eceff4"
    static let wash = "#f4f6f9"
    static let accent = "#1f5fa8"
    static let warn = "#a4330d"
    static let ok = "#23703b"

    /// Text made safe for the charts' text and attribute values. The charts are inline SVG in HTML
    /// pages, so they take the pages' escaper (`FastHTMLEscaping`).
    static func escape(_ text: String) -> String {
        FastHTMLEscaping.escape(text)
    }

    /// A coordinate or length with one decimal: `12.0`, `-3.5`. Never `-0.0`; not-a-number is `0.0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return value.isFinite ? String(format: "%.1f", value) : "0.0" }
        // Integer arithmetic instead of String(format:), which is slow on Linux; rounds half away from zero.
        let tenths = Int((abs(value) * 10).rounded())
        guard tenths != 0 else { return "0.0" }
        return (value < 0 ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }

    /// An id prefix reduced to ASCII letters, digits, `-` and `_` (anything else becomes `-`),
    /// so it can be used in `id` and `url(#…)`; an empty prefix becomes `chart`.
    static func identifier(_ prefix: String) -> String {
        var result = ""
        for scalar in prefix.unicodeScalars {
            let isAllowed = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_")
            result.unicodeScalars.append(isAllowed ? scalar : "-")
        }
        return result.isEmpty ? "chart" : result
    }

    /// Fills `{key}` placeholders in one pass; unknown keys stay as written, and values are never
    /// searched for placeholders themselves.

    /// At most `limit` characters; longer text is cut and ends in `…`.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A rough width of `text` at `size`, for placing labels: wide (CJK) characters count as one
    /// em, others as 0.58 em.
    static func estimatedWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + size * (scalar.value >= 0x1100 ? 1.0 : 0.58)
        }
    }

    /// A list for sentences: `A, B, C`, or `none` when empty.
    static func list(_ items: [String], none: String) -> String {
        items.isEmpty ? none : items.joined(separator: ", ")
    }

    /// A `<text>` element; `content` is escaped here.
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
        weight: String? = nil, fill: String = SVG.ink, attributes: String = ""
    ) -> String {
        var tag = "<text x=\"\(number(x))\" y=\"\(number(y))\""
        if anchor != "start" { tag += " text-anchor=\"\(anchor)\"" }
        if let size { tag += " font-size=\"\(number(size))\"" }
        if let weight { tag += " font-weight=\"\(weight)\"" }
        tag += " fill=\"\(fill)\""
        if !attributes.isEmpty { tag += " " + attributes }
        return tag + ">\(escape(content))</text>"
    }

    /// A `<line>` element.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, attributes: String = "") -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(number(width))\"\(attributes.isEmpty ? "" : " " + attributes)/>"
    }

    /// A `<rect>` element.
    static func rect(x: Double, y: Double, width: Double, height: Double, attributes: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\" \(attributes)/>"
    }

    /// A diagonal hatch pattern (`angle` 45 or -45 degrees) for areas that must read in black and white.
    static func hatch(id: String, color: String, background: String, angle: Int = 45, spacing: Double = 6, width: Double = 2) -> String {
        "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"\(number(spacing))\" height=\"\(number(spacing))\" patternTransform=\"rotate(\(angle))\">"
            + "<rect width=\"\(number(spacing))\" height=\"\(number(spacing))\" fill=\"\(background)\"/>"
            + "<line x1=\"0.0\" y1=\"0.0\" x2=\"0.0\" y2=\"\(number(spacing))\" stroke=\"\(color)\" stroke-width=\"\(number(width))\"/>"
            + "</pattern>"
    }

    /// The complete `<svg>` element: its natural width in `width` and sized by `viewBox` (the theme's
    /// `svg.chart` rule scales it down to its container), with `title` as its name and `desc` as its
    /// description to assistive technology, and the page's font. It is an image (`role="img"`) unless it
    /// holds links (`isInteractive`): then it keeps the `<svg>` element's own role (a graphics document
    /// whose links can be reached), since an image's content is hidden from assistive technology. No
    /// `style` attribute: the pages' Content-Security-Policy allows no inline style.
    static func document(
        id: String, kind: String, width: Double, height: Double, title: String, desc: String,
        isInteractive: Bool = false, defs: [String] = [], body: [String]
    ) -> String {
        var lines: [String] = []
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart chart-\(kind)\""
                + " viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(Int(width.rounded()))\""
                + (isInteractive ? "" : " role=\"img\"")
                + " aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" font-size=\"12\">")
        lines.append("<title id=\"\(id)-title\">\(escape(title))</title>")
        lines.append("<desc id=\"\(id)-desc\">\(escape(desc))</desc>")
        if !defs.isEmpty {
            lines.append("<defs>")
            lines.append(contentsOf: defs)
            lines.append("</defs>")
        }
        lines.append(contentsOf: body)
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// A small chart that says there is nothing to draw, with `message` as its description and its
    /// only text.
    static func empty(id: String, kind: String, title: String, message: String) -> String {
        let width = 720.0, height = 64.0
        return document(
            id: id, kind: kind, width: width, height: height, title: title, desc: message,
            body: [
                rect(x: 1, y: 1, width: width - 2, height: height - 2,
                     attributes: "rx=\"6\" fill=\"\(wash)\" stroke=\"\(line)\" stroke-dasharray=\"4 3\""),
                text(message, x: width / 2, y: height / 2 + 4, anchor: "middle", size: 13, fill: muted),
            ])
    }
}
