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
    /// breaks. Found by the `site-config` target (`?\r\n\u{7FD}`, an error reported on line 4 of 2).
    @Test func crlfBeforeACombiningMarkIsOneLineBreak() throws {
        let file = SourceFile(path: "dossier.yml", slug: "", bytes: Array("?\r\n\u{7FD}".utf8))
        let (_, diagnostics) = SiteConfig.parse(file)
        #expect(diagnostics.map(\.location.line) == [3], "the end of the two-line file, as libyaml reports it")
        let text = try decodeText(of: SourceFile(path: "a.md", slug: "a", bytes: Array("a\r\n\u{301}b\rc\r\n".utf8)),
                                  limit: 1024).get()
        #expect(text == "a\n\u{301}b\nc\n", "the body keeps its lines: no blank line, no new paragraph")
    }
}
