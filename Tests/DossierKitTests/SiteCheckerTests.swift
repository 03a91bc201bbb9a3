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
}
