import Testing
@testable import DossierKit

/// Inputs the fuzz targets (`Fuzzing/`, docs/fuzzing.md) found, minimised, each with what it broke.
@Suite struct FuzzRegressionTests {
    /// libyaml counts NEL (U+0085), LS (U+2028) and PS (U+2029) as line breaks; editors, `git diff` and the rest
    /// of Dossier count only `\n`. Found by the `site-config` target: `\u{85}\u{85}a` was reported at line 3 of a
    /// one-line `dossier.yml`.
    @Test func settingsErrorsAfterUnicodeLineSeparatorsPointAtTheLineEditorsShow() {
        let (_, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array("\u{85}\u{85}a".utf8)))
        #expect(diagnostics.map(\.formatted) == [
            "dossier.yml:1:3: error: dossier.yml must be a mapping of keys to values (key: value)",
        ])
    }

    /// The same in a dossier: a value ending in LS moved every later position down a line.
    @Test func dossierErrorsAfterUnicodeLineSeparatorsPointAtTheLineEditorsShow() {
        let (_, _, diagnostics) = TestSupport.process("---\nname: Acme\u{2028}\nowner: Mei\nstage: mid-kam\n---\n")
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:4:8: error: unknown stage 'mid-kam'; expected one of: pre, early, mid, partnership, synergistic, uncoupling",
        ])
    }

    /// And in a YAML syntax error, whose position comes from libyaml's error rather than from a node.
    @Test func yamlSyntaxErrorsAfterUnicodeLineSeparatorsPointAtTheLineEditorsShow() {
        let (_, _, diagnostics) = TestSupport.process("---\nname: Acme\u{2029}\u{2029}\nowner: [Mei\n---\n")
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        ])
        let (_, _, plain) = TestSupport.process("---\nname: Acme\nowner: [Mei\n---\n")
        #expect(plain.map(\.location.line) == [4], "the same place without the separators")
    }

    /// CRLF before a combining mark (U+07FD here) was not normalised: Foundation's `replacingOccurrences` saw
    /// `\n` and the mark as one character, missed the `\r\n`, and the later `\r` → `\n` turned it into two line
    /// breaks. Found by the `site-config` target (`?\r\n\u{7FD}`, an error reported on line 4 of 2; that input is
    /// now refused earlier, as a complex key, so the test ends a flow list there instead).
    @Test func crlfBeforeACombiningMarkIsOneLineBreak() throws {
        let file = SourceFile(path: "dossier.yml", slug: "", bytes: Array("a: [b\r\n\u{7FD}".utf8))
        let (_, diagnostics) = SiteConfig.parse(file)
        #expect(diagnostics.map(\.location.line) == [3], "the end of the two-line file, as libyaml reports it")
        let text = try decodeText(of: SourceFile(path: "a.md", slug: "a", bytes: Array("a\r\n\u{301}b\rc\r\n".utf8)),
                                  limit: 1024).get()
        #expect(text == "a\n\u{301}b\nc\n", "the body keeps its lines: no blank line, no new paragraph")
    }

    /// Keys that are lists or mappings: when a mapping repeats two of them, Yams sorts the repeats to report them,
    /// comparing nested keys in time exponential in their depth (every level compares `<` and then `>`). Found by
    /// the `site-config` target as a timeout (1.9 kB of nested `? -`); this is the same in 0.4 kB.
    @Test(arguments: ["? ", ""]) func refusesKeysThatAreListsBeforeComparingThem(explicit: String) {
        let deep = { (leaf: String) in "[" + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + ", \(leaf)]" }
        let yaml = [deep("a"), deep("a"), deep("b"), deep("b")].map { explicit.isEmpty ? "\($0): 1" : "? \($0)\n: 1" }
        let (dossier, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: Mei\nstage: pre\n" + yaml.joined(separator: "\n") + "\n---\n")
        #expect(dossier == nil)
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:5:1: error: a key must be a word or text, not a list or mapping; write `key: value`",
        ])
    }

    /// What the complex-key check must let through: `?`, `[` and `{` in values, quotes, block text and comments.
    @Test func keepsQuestionMarksAndBracketsThatAreNotKeys() {
        let yaml = """
            name: "? not a key"
            owner: Mei
            stage: pre
            tags: [a, b]   # [x]: y
            target: {stage: partnership, by: 2027-06-30}
            strategy:
              summary: |
                ? a line of text
                [a]: b
              priorities: ['[a]: b', what? yes]
            """
        let (dossier, _, diagnostics) = TestSupport.process("---\n\(yaml)\n---\n")
        #expect(dossier != nil)
        #expect(diagnostics.map(\.formatted) == [])
    }
}
