import Yams

/// Parses front-matter YAML into a node tree that keeps each node's position.
///
/// Guards against hostile input before Yams sees it: libyaml stops nesting at 1,000 levels, and aliases
/// are capped so that an alias bomb cannot make comparing keys take exponential time.
public enum YAMLComposer {
    /// Aliases allowed in one front-matter (dossiers rarely need any).
    public static let aliasLimit = 20

    /// Composes `frontMatter.yaml`; errors carry file positions.
    public static func compose(_ frontMatter: FrontMatter, path: String) -> Result<Node?, Diagnostic> {
        func failure(_ problem: Problem, line: Int, column: Int) -> Result<Node?, Diagnostic> {
            let location = SourceLocation(path: path, line: line + frontMatter.yamlLine - 1, column: column)
            return .failure(Diagnostic(.error, problem, at: location, in: .decode))
        }
        if let (line, column) = positionOfExcessAlias(in: frontMatter.yaml) {
            return failure(.yamlSyntax("more than \(aliasLimit) aliases; write the values out instead"), line: line, column: column)
        }
        do {
            return .success(try Yams.compose(yaml: frontMatter.yaml))
        } catch let error as YamlError {
            let (problem, mark) = describe(error)
            return failure(problem, line: mark?.line ?? 1, column: mark?.column ?? 1)
        } catch {
            return failure(.yamlSyntax("\(error)"), line: 1, column: 1)
        }
    }

    private static func describe(_ error: YamlError) -> (Problem, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") {
                return (.nestedTooDeep(limit: 1000), mark)
            }
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return (.yamlSyntax(detail), mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (.duplicateKey(duplicates.joined(separator: ", ")), context.mark)
        case .reader(let problem, _, _, _):
            return (.yamlSyntax(problem), nil)
        default:
            return (.yamlSyntax("\(error)"), nil)
        }
    }

    /// The position of the first alias past the limit, when the text defines any anchor.
    static func positionOfExcessAlias(in yaml: String) -> (Int, Int)? {
        guard yaml.contains("&") else { return nil }
        var aliases = 0
        var hasAnchor = false
        var excess: (Int, Int)?
        for (lineIndex, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var previous: Character = " "
            var column = 0
            var pending: Character?
            for character in line {
                column += 1
                if let marker = pending {
                    pending = nil
                    if !character.isWhitespace, !",[]{}".contains(character) {
                        if marker == "&" { hasAnchor = true }
                        if marker == "*" {
                            aliases += 1
                            if aliases > aliasLimit, excess == nil { excess = (lineIndex + 1, column - 1) }
                        }
                    }
                }
                if (character == "*" || character == "&") && (previous.isWhitespace || "[{,:-?".contains(previous) || column == 1) {
                    pending = character
                }
                previous = character
            }
        }
        return hasAnchor ? excess : nil
    }
}
