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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first, allowsDots: false) else {
            return failure(.missingFrontMatter)
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { isFence($0, allowsDots: true) }) else {
            return failure(.unclosedFrontMatter)
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: closing + 2))
    }

    private static func isFence(_ line: Substring, allowsDots: Bool) -> Bool {
        var trimmed = line
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowsDots && trimmed == "...")
    }
}
