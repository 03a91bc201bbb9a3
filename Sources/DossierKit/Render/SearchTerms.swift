import Foundation

/// How the search cuts text into terms: the one rule shared by the build, which indexes terms, and the
/// theme's `search.js`, which cuts a query the same way (both sides must agree, character for character).
///
/// Text is folded (compatibility decomposition, so full-width `ＡＢＣ` is `abc`; the combining accents
/// U+0300–U+036F dropped, so `Krüger` is `kruger`; lower case), then cut into runs of letters, digits
/// and marks. Chinese, Japanese and Korean have no spaces between words, so their runs are cut into
/// overlapping character pairs (bigrams: `华芯电子` is `华芯`, `芯电`, `电子`), and the run's last
/// character is indexed alone too, so that a one-character query finds it by prefix. A term is at most
/// `maxLength` characters (Unicode scalars); longer words are cut there, on both sides.
enum SearchTerms {
    /// The longest term, in Unicode scalars.
    static let maxLength = 40

    /// `text` folded for searching: NFKD, accents U+0300–U+036F removed, lower case.
    /// `search.js`: `text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()`.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// The distinct terms of `text` (folded here), for the index: words, and bigrams plus the last
    /// character of every run of CJK characters.
    static func indexTerms(of text: String, into terms: inout Set<String>) {
        cut(fold(text), query: false) { terms.insert($0) }
    }

    /// The terms of a query, in order, as `search.js` makes them: like the index's, but a CJK run of
    /// two or more characters gives only its bigrams.
    static func queryTerms(of text: String) -> [String] {
        var terms: [String] = []
        cut(fold(text), query: true) { if !terms.contains($0) { terms.append($0) } }
        return terms
    }

    /// Whether a scalar belongs to a script written without spaces: Hiragana, Katakana, CJK
    /// ideographs (with extensions and compatibility forms) and Hangul syllables. `search.js` lists the same ranges.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: true
        default: false
        }
    }

    /// Letters, digits and marks (`\p{L}`, `\p{N}`, `\p{M}` in `search.js`).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func cut(_ folded: String, query: Bool, _ emit: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var wordLength = 0
        var run: [Unicode.Scalar] = []
        func endWord() {
            if wordLength > 0 { emit(String(word)) }
            word = String.UnicodeScalarView()
            wordLength = 0
        }
        func endRun() {
            guard !run.isEmpty else { return }
            if run.count > 1 {
                for index in 0..<(run.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(run[index])
                    pair.append(run[index + 1])
                    emit(String(pair))
                }
            }
            if !query || run.count == 1 { emit(String(Character(run[run.count - 1]))) }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in folded.unicodeScalars {
            if isCJK(scalar) {
                endWord()
                run.append(scalar)
            } else if isWordCharacter(scalar) {
                endRun()
                if wordLength < maxLength {
                    word.append(scalar)
                    wordLength += 1
                }
            } else {
                endWord()
                endRun()
            }
        }
        endWord()
        endRun()
    }
}
