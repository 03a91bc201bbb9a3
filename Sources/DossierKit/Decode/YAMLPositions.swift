import Yams

/// Turns the line and column libyaml reports into the ones an editor shows.
///
/// libyaml (YAML 1.1) also breaks lines at NEL (U+0085), LS (U+2028) and PS (U+2029); editors, `git diff` and
/// the rest of Dossier break only at `\n`. Without those three characters both count alike and nothing is stored.
struct YAMLPositions: Sendable {
    /// For each libyaml line (index 0 is line 1): the text line it lies on and the characters before it there.
    private let lineStarts: [(line: Int, column: Int)]?

    init(of yaml: String) {
        guard yaml.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            lineStarts = nil
            return
        }
        var starts = [(line: 1, column: 0)]
        var line = 1
        var column = 0
        var previous: Unicode.Scalar?
        for scalar in yaml.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                column = 0
                if previous != "\r" { starts.append((line, 0)) } else { starts[starts.count - 1] = (line, 0) }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}":
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
            previous = scalar
        }
        lineStarts = starts
    }

    /// The 1-based line and column, counted in the YAML text as editors count them, of libyaml's `line` and `column`.
    func position(line: Int, column: Int) -> (line: Int, column: Int) {
        guard let lineStarts, let last = lineStarts.last else { return (line, column) }
        // libyaml ends the stream on a line of its own after the last one.
        guard line <= lineStarts.count else { return (last.line + line - lineStarts.count, column) }
        let start = lineStarts[max(line, 1) - 1]
        return (start.line, start.column + column)
    }

    /// `position(line:column:)` of a Yams mark.
    func position(of mark: Mark) -> (line: Int, column: Int) {
        position(line: mark.line, column: mark.column)
    }
}
