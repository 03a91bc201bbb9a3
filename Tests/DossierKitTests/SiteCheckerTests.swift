import Foundation
import Testing
@testable import DossierKit

@Suite struct SiteCheckerTests {
    private func makeSite() throws -> URL {
        let root = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/b-corp.md": "---\nname: B Corp\nowner: Mei\nstage: pre\nfoo: 1\n---\n",
            "content/accounts/a-corp.md": "---\nname: A Corp\nowner: Mei\nstage: later\n---\n",
        ], under: root)
        return root
    }

    @Test func reportsAllFilesSortedWithASummary() throws {
        let (output, isPassing) = SiteChecker(siteRoot: try makeSite(), asOf: TestSupport.asOf, includesNotes: false).check(format: .text)
        #expect(output == """
            content/accounts/a-corp.md:4:8: error: unknown stage 'later'; expected one of: pre, early, mid, partnership, synergistic, uncoupling
            content/accounts/b-corp.md:5:1: warning: unknown key 'foo'; it is ignored
            1 error, 1 warning in 2 dossiers

            """)
        #expect(!isPassing)
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let site = try makeSite()
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/accounts/a-corp.md"))
        #expect(SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false).check(format: .text).isPassing)
        let (output, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, isStrict: true, includesNotes: false).check(format: .text)
        #expect(!isPassing)
        #expect(output.hasPrefix("content/accounts/b-corp.md:5:1: error: unknown key 'foo'"))
    }

    @Test func printsJSONForTools() throws {
        let (output, _) = SiteChecker(siteRoot: try makeSite(), asOf: TestSupport.asOf, includesNotes: false).check(format: .json)
        struct Document: Decodable {
            struct Entry: Decodable { let file: String, line: Int, column: Int, severity: String, message: String, stage: String }
            let diagnostics: [Entry]
            let errors: Int, warnings: Int, notes: Int, dossiers: Int
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(output.utf8))
        #expect(document.errors == 1 && document.warnings == 1 && document.dossiers == 2)
        #expect(document.diagnostics.map(\.file) == ["content/accounts/a-corp.md", "content/accounts/b-corp.md"])
        #expect(document.diagnostics.first?.line == 4 && document.diagnostics.first?.column == 8)
        #expect(document.diagnostics.map(\.stage) == ["decode", "decode"])
    }

    @Test func printsGitHubWorkflowCommands() throws {
        let site = try makeSite()
        try TestSupport.write(["content/accounts/c-corp.md": "---\nname: C Corp\nowner: Mei\nstage: pre\nengagement: x\n---\n"], under: site)
        let (output, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false).check(format: .github)
        #expect(!isPassing)
        #expect(output == """
            ::error file=content/accounts/a-corp.md,line=4,col=8::unknown stage 'later'; expected one of: pre, early, mid, partnership, synergistic, uncoupling
            ::warning file=content/accounts/b-corp.md,line=5,col=1::unknown key 'foo'; it is ignored
            ::error file=content/accounts/c-corp.md,line=5,col=13::unknown engagement 'x'; expected one of: \(Engagement.allowedWords.joined(separator: ", "))
            2 errors, 1 warning in 3 dossiers

            """)
    }

    /// A path or message can neither end a command early nor start a new one: `%`, CR and LF are encoded
    /// everywhere, `:` and `,` in properties; notes become `::notice`.
    @Test func escapesHostileTextInGitHubCommands() {
        let hostile = Diagnostic(.note, .finding(ruleID: "x", message: "100% sure\r\n::error file=evil.md::injected, a:b"),
                                 at: SourceLocation(path: "content/accounts/a,b:c%d\n::error::e.md", line: 3, column: 7), in: .derive)
        let output = DiagnosticReport.github([hostile], summary: "0 errors\n::warning::x")
        #expect(output == """
            ::notice file=content/accounts/a%2Cb%3Ac%25d%0A%3A%3Aerror%3A%3Ae.md,line=3,col=7::100%25 sure%0D%0A::error file=evil.md::injected, a:b [x]
            0 errors%0A::warning::x

            """)
        // Exactly one line per diagnostic plus the summary: nothing else starts a workflow command.
        #expect(output.split(separator: "\n").count == 2)
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("::") }.count == 1)
        #expect(!output.contains("\r"))
    }
}
