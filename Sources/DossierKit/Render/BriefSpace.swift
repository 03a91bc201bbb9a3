/// An estimate, in millimetres, of the room the brief's parts take on A4 paper (templates/brief.css),
/// from the length of their text per column width. A static page cannot measure itself, so the
/// brief is cut to this estimate in Swift, before rendering: deterministic, and the page needs no
/// script. The estimate errs on the large side; real printing of generated worst cases in English
/// and Chinese (BriefFitTests) checks it. docs/site-guide.md and docs/architecture.md explain it.
struct BriefSpace: Sendable {
    /// One typographic point in millimetres.
    static let millimetresPerPoint = 25.4 / 72
    /// The width of the text: A4 (210 mm) less the 15 mm side margins (brief.css `@page`).
    static let width = 180.0
    /// The height two pages give: twice A4's 297 mm less the 14 mm and 16 mm margins, less the body's
    /// 8 mm padding at the top and bottom, less a reserve of 25 mm for what the estimate cannot know:
    /// an item or table row that does not fit at the foot of page 1 moves whole to page 2, a heading
    /// moves with its first item, and the people table's head is repeated on page 2.
    static let budget = 2 * (297.0 - 14 - 16) - 16 - 25

    /// The height of one line of text at `points` (brief.css sets a line height of 1.38).
    static func lineHeight(_ points: Double) -> Double { points * 1.38 * millimetresPerPoint }

    /// The width of `text` set at `points`: a CJK or full-width character one em, any other 0.55 em
    /// (DejaVu Sans, what `system-ui` resolves to on Debian, averages about 0.5 em in running text;
    /// bold is wider).
    static func textWidth(_ text: String, points: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += isWide(scalar) ? 1.0 : (bold ? 0.62 : 0.55)
        }
        return ems * points * millimetresPerPoint
    }

    /// Lines `text` takes in a column `width` mm wide. Words wrap whole, so a line is taken as 90 %
    /// full; a word longer than the column breaks anywhere (`overflow-wrap: anywhere`).
    static func lines(_ text: String, width: Double, points: Double, bold: Bool = false) -> Int {
        let needed = textWidth(text, points: points, bold: bold) / (max(width, 5) * 0.9)
        return max(1, Int(needed.rounded(.up)))
    }

    /// The height of `text` in a column `width` mm wide.
    static func height(_ text: String, width: Double = width, points: Double = 10, bold: Bool = false) -> Double {
        Double(lines(text, width: width, points: points, bold: bold)) * lineHeight(points)
    }

    /// A section's heading (`h2`: 11 pt, 4 mm above, 1.5 mm below, a rule).
    static let sectionHeading = 4 + 1.5 + lineHeight(11) + 0.5
    /// The "and N more — see the full report" line (8.5 pt, 1 mm above; a list's and a paragraph's
    /// other margins collapse into the headings' margins).
    static let moreLine = 1 + lineHeight(8.5)

    /// An item of a bulleted list (5 mm indent, 0.6 mm above and below).
    static func listItem(_ text: String, bold: Bool = false) -> Double { height(text, width: width - 5, bold: bold) + 1.2 }

    /// A paragraph (1 mm above and below).
    static func paragraph(_ text: String, width: Double = width, points: Double = 10) -> Double {
        height(text, width: width, points: points) + 2
    }

    /// A table row (9 pt, 0.8 mm padding above and below, a rule): its tallest cell.
    /// `widths` are the columns' shares of the table's width.
    static func tableRow(_ cells: [String], widths: [Double]) -> Double {
        let tallest = zip(cells, widths).map { cell, share in
            lines(cell, width: share * width - 3, points: 9)
        }.max() ?? 1
        return Double(tallest) * lineHeight(9) + 1.8
    }

    /// A table's head row (7.5 pt capitals; two lines where a column is narrow).
    static func tableHead(_ cells: [String], widths: [Double]) -> Double {
        let tallest = zip(cells, widths).map { cell, share in
            lines(cell.uppercased(), width: share * width - 3, points: 7.5, bold: true)
        }.max() ?? 1
        return Double(tallest) * lineHeight(7.5) + 1.8
    }

    /// The text of an HTML fragment: without tags, an entity counted as one character.
    static func text(ofHTML html: String) -> String {
        var result = ""
        var isInTag = false
        var isInEntity = false
        for character in html {
            switch character {
            case "<": isInTag = true
            case ">" where isInTag: isInTag = false
            case "&" where !isInTag: isInEntity = true; result.append("x")
            case ";" where isInEntity: isInEntity = false
            default:
                if !isInTag && !isInEntity { result.append(character) }
            }
        }
        return result
    }

    /// CJK ideographs, kana, hangul, CJK punctuation and full-width forms: one em wide.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
