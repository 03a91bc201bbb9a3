/// A dossier's text split into its YAML front-matter and its Markdown body.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    public var yaml: String
    /// The file line on which the YAML's first line stands (the line after the opening `---`).
    public var yamlLine: Int
    /// The Markdown after the closing `---` line.
    public var body: String
    /// The file line on which the body starts.
    public var bodyLine: Int
}

extension FrontMatter {
    /// Splits `text` at its front-matter fences; the opening `---` must be the first line.
    ///
    /// The closing fence is a line of `---` (or YAML's `...`); trailing spaces are allowed on both.
    public static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        func failure(_ problem: Problem) -> Result<FrontMatter, Diagnostic> {
            .failure(Diagnostic(.error, problem, at: SourceLocation(path: path), in: .frontMatter))
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            if let yamlStart {
                if isFence(line, allowsDots: true) {
                    let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                    return .success(FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2,
                                                body: String(text[next...]), bodyLine: lineNumber + 1))
                }
            } else {
                guard isFence(line, allowsDots: false) else { return failure(.missingFrontMatter) }
                yamlStart = next
            }
            if lineEnd == utf8.endIndex { return failure(.unclosedFrontMatter) }
            lineStart = next
            lineNumber += 1
        }
    }

    private static func isFence(_ line: Substring, allowsDots: Bool) -> Bool {
        var trimmed = line
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowsDots && trimmed == "...")
    }
}
