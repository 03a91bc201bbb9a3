import Yams

/// Parses front-matter YAML into a node tree that keeps each node's position.
///
/// Guards against hostile input before Yams sees it: libyaml stops nesting at 1,000 levels, and aliases
/// are capped so that an alias bomb cannot make comparing keys take exponential time.
public enum YAMLComposer {
    /// Aliases allowed in one front-matter (dossiers rarely need any).
    public static let aliasLimit = 20

    /// No resolution rules: `CoreSchema` decides the tags of plain scalars, much faster than regexes.
    static let resolver = Resolver.basic

    /// Composes `frontMatter.yaml`; on failure the node is nil and the diagnostics carry file positions.
    public static func compose(_ frontMatter: FrontMatter, path: String) -> (node: Node?, diagnostics: [Diagnostic]) {
        func failure(_ problem: Problem, line: Int, column: Int) -> (Node?, [Diagnostic]) {
            let location = SourceLocation(path: path, line: line + frontMatter.yamlLine - 1, column: column)
            return (nil, [Diagnostic(.error, problem, at: location, in: .decode)])
        }
        if let (line, column) = positionOfExcessAlias(in: frontMatter.yaml) {
            return failure(.tooManyAliases(limit: aliasLimit), line: line, column: column)
        }
        if let (line, column) = positionOfComplexKey(in: frontMatter.yaml) {
            return failure(.complexKey, line: line, column: column)
        }
        do {
            return (try Yams.compose(yaml: frontMatter.yaml, resolver), [])
        } catch let error as YamlError {
            let positions = YAMLPositions(of: frontMatter.yaml)
            if case .duplicatedKeysInMapping(let keys, let context) = error {
                return (nil, duplicateKeys(keys, mappingAt: positions.position(of: context.mark), in: frontMatter, path: path))
            }
            let (problem, mark) = describe(error)
            var position = mark.map { positions.position(of: $0) }
            if problem == .nestedTooDeep(limit: nestingLimit), let flow = positionOfExcessNesting(in: frontMatter.yaml) {
                position = flow
            }
            return failure(problem, line: position?.0 ?? 1, column: position?.1 ?? 1)
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
                return (.nestedTooDeep(limit: nestingLimit), mark)
            }
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return (.yamlSyntax(detail), mark)
        case .reader(let problem, _, _, _):
            return (.yamlSyntax(problem), nil)
        default:
            return (.yamlSyntax("\(error)"), nil)
        }
    }

    /// libyaml's nesting limit.
    static let nestingLimit = 1000

    /// The position of the first alias past the limit, when the text defines any anchor.
    ///
    /// An alias (`*name`) or anchor (`&name`) can only open a node: at the start of a line, or after
    /// `- `, `? `, `: `, `[`, `{` or `,`. Elsewhere, as in `Grow the *core* business`, it is plain text.
    static func positionOfExcessAlias(in yaml: String) -> (Int, Int)? {
        guard yaml.contains("&"), yaml.contains("*") else { return nil }
        var aliases = 0
        var hasAnchor = false
        var excess: (Int, Int)?
        for (lineIndex, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var isNodeStart = true
            for (index, character) in characters.enumerated() {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if isNodeStart, character == "*" || character == "&", !next.isWhitespace, !",[]{}".contains(next) {
                    if character == "&" { hasAnchor = true }
                    if character == "*" {
                        aliases += 1
                        if aliases > aliasLimit, excess == nil { excess = (lineIndex + 1, index + 1) }
                    }
                    isNodeStart = false
                } else if character.isWhitespace {
                    continue
                } else if "[{,".contains(character) || ("-?:".contains(character) && next.isWhitespace) {
                    isNodeStart = true
                } else {
                    isNodeStart = false
                }
            }
        }
        return hasAnchor ? excess : nil
    }

    /// Where the first key that is a list or mapping starts: an explicit key (`? `), or a `[` or `{` whose
    /// closing bracket a `:` follows on its line.
    ///
    /// Dossier's keys are words. Yams compares keys that are collections, when a mapping repeats two of them,
    /// in time exponential in their depth. Block text (`|`, `>`), quotes and comments are skipped.
    static func positionOfComplexKey(in yaml: String) -> (Int, Int)? {
        guard yaml.contains("?") || yaml.contains("[") || yaml.contains("{") else { return nil }
        var blockTextIndent: Int?
        var quote: Character?
        for (lineIndex, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            if let parent = blockTextIndent {
                if indent > parent || characters.allSatisfy(\.isWhitespace) { continue }
                blockTextIndent = nil
            }
            var isNodeStart = quote == nil
            var bracketKeys: Set<Int>?
            var index = 0
            scan: while index < characters.count {
                let character = characters[index]
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                index += 1
                if let open = quote {
                    if open == "\"", character == "\\" {
                        index += 1
                    } else if character == open, open == "'", next == "'" {
                        index += 1
                    } else if character == open {
                        quote = nil
                    }
                    continue
                }
                if character.isWhitespace { continue }
                if character == "#", index == 1 || characters[index - 2].isWhitespace { break scan }
                if isNodeStart {
                    if character == "?", next.isWhitespace { return (lineIndex + 1, index) }
                    if character == "[" || character == "{" {
                        if bracketKeys == nil { bracketKeys = bracketsFollowedByColon(characters) }
                        if bracketKeys?.contains(index - 1) == true { return (lineIndex + 1, index) }
                    }
                    if character == "\"" || character == "'" {
                        quote = character
                        isNodeStart = false
                        continue
                    }
                    if character == "|" || character == ">" {
                        blockTextIndent = indent
                        break scan
                    }
                }
                isNodeStart = "[{,".contains(character) || ("-:".contains(character) && next.isWhitespace)
            }
        }
        return nil
    }

    /// For each `[` or `{` of a line that closes on it, whether a `:` comes next (spaces aside). One pass.
    private static func bracketsFollowedByColon(_ characters: [Character]) -> Set<Int> {
        var keys: Set<Int> = []
        var opens: [Int] = []
        var quote: Character?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if open == "\"", character == "\\" { index += 1 } else if character == open { quote = nil }
            } else if character == "\"" || character == "'", index == 0 || "[{, ".contains(characters[index - 1]) {
                quote = character
            } else if character == "[" || character == "{" {
                opens.append(index)
            } else if character == "]" || character == "}", let open = opens.popLast() {
                var after = index + 1
                while after < characters.count, characters[after] == " " { after += 1 }
                if after < characters.count, characters[after] == ":" { keys.insert(open) }
            }
            index += 1
        }
        return keys
    }

    /// Where flow nesting (`[` and `{` outside quotes) first goes past the limit.
    static func positionOfExcessNesting(in yaml: String) -> (Int, Int)? {
        var depth = 0
        var quote: Character?
        for (lineIndex, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (index, character) in line.enumerated() {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "[" || character == "{" {
                    depth += 1
                    if depth > nestingLimit { return (lineIndex + 1, index + 1) }
                } else if character == "]" || character == "}" {
                    depth -= 1
                }
            }
        }
        return nil
    }

    /// One error per repeated key, at its repeat when it can be found in a block mapping.
    private static func duplicateKeys(_ keys: [String], mappingAt mark: (line: Int, column: Int), in frontMatter: FrontMatter, path: String) -> [Diagnostic] {
        let lines = frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let start = mark.column - 1
        func repeatLine(of key: String) -> Int? {
            var seen = 0
            for lineNumber in mark.line...max(mark.line, lines.count) where lineNumber <= lines.count {
                let characters = Array(lines[lineNumber - 1])
                guard characters.count > start else { continue }
                if lineNumber > mark.line, !characters[..<start].allSatisfy(\.isWhitespace) { return nil }
                let rest = String(characters[start...])
                guard rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
                seen += 1
                if seen == 2 { return lineNumber }
            }
            return nil
        }
        return keys.map { key in
            let line = (repeatLine(of: key) ?? mark.line) + frontMatter.yamlLine - 1
            return Diagnostic(.error, .duplicateKey(key), at: SourceLocation(path: path, line: line, column: mark.column), in: .decode)
        }
    }
}
