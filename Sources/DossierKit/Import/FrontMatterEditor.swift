import Yams

/// Replaces whole top-level keys of a dossier's front-matter in its text, leaving every other byte as it was.
///
/// A top-level key's block runs from its line to the line before the next top-level key (or the closing
/// fence), less the blank lines and column-1 comments at its end, which belong to what follows. The
/// block is replaced by the new lines; a key the front-matter lacks is added just before the closing
/// fence. New lines take the file's line ends (CRLF when it has them). The keys' lines come from the
/// YAML parser (Yams), not from guessing at the text.
enum FrontMatterEditor {
    /// Why a front-matter cannot be edited in place.
    enum Refusal: Error, Equatable {
        case reason(String)
    }

    /// `text` with each of `blocks` (key and its new lines) put in place of the key's block.
    static func replacing(_ blocks: [(key: String, lines: [String])], in text: String) throws(Refusal) -> String {
        guard !blocks.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let crs = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\r") }
        let crlf = !crs.isEmpty
        if crs.contains(where: { $0 + 1 == bytes.count || bytes[$0 + 1] != UInt8(ascii: "\n") }) {
            throw .reason("it has old Mac line ends (CR alone); save it with LF or CRLF line ends")
        }
        // Split on the LF byte: Swift takes CRLF for one character, which a split on "\n" would miss.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func bare(_ line: String) -> String {
            var line = Substring(line)
            if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            while let last = line.last, last == "\r" || last == " " || last == "\t" { line = line.dropLast() }
            return String(line)
        }
        guard let first = lines.first, bare(first) == "---" else { throw .reason("it has no front-matter") }
        guard let close = lines.indices.dropFirst().first(where: { bare(lines[$0]) == "---" || bare(lines[$0]) == "..." }) else {
            throw .reason("its front-matter is never closed")
        }
        let yaml = lines[1..<close].map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }.joined(separator: "\n")
        let (root, problems) = YAMLComposer.compose(FrontMatter(yaml: yaml, yamlLine: 2, body: "", bodyLine: close + 2), path: "")
        guard problems.isEmpty, let root, case .mapping(let mapping) = root else { throw .reason("its front-matter is not a YAML mapping") }
        // The index in `lines` of each top-level key's line (YAML line 1 is lines[1]).
        var starts: [(key: String, line: Int)] = []
        for (key, _) in mapping {
            guard let name = key.scalar?.string, let mark = key.mark else { throw .reason("a top-level key is not plain text") }
            guard mark.column == 1, mapping.style != .flow else { throw .reason("its front-matter is not written one key per line") }
            starts.append((name, mark.line))
        }
        starts.sort { $0.line < $1.line }
        if zip(starts, starts.dropFirst()).contains(where: { $0.line == $1.line }) { throw .reason("two keys share a line") }
        let ending = crlf ? "\r" : ""
        var edits: [(range: Range<Int>, lines: [String])] = []
        for (key, newLines) in blocks {
            let fresh = newLines.map { $0 + ending }
            guard let index = starts.firstIndex(where: { $0.key == key }) else {
                edits.append((close..<close, fresh))
                continue
            }
            let start = starts[index].line
            var end = index + 1 < starts.count ? starts[index + 1].line : close
            while end - 1 > start, bare(lines[end - 1]).isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
            edits.append((start..<end, fresh))
        }
        // From the end, so earlier ranges keep their indices; insertions (at `close`) come first.
        // Several insertions at `close` keep their order: the later one is inserted first.
        let ordered = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) > ($1.element.range.lowerBound, $1.offset) }
        for (_, edit) in ordered {
            lines.replaceSubrange(edit.range, with: edit.lines)
        }
        return lines.joined(separator: "\n")
    }
}
