import Foundation
import Testing
@testable import DossierKit

/// The corpus of bad inputs: each folder of `Fixtures/bad-inputs/` is a small site, and its
/// `expected.txt` is the exact output of `dossier check --no-notes --as-of 2026-11-26` on it
/// (health findings are tested in `HealthRuleTests`).
@Suite struct BadInputTests {
    static let corpus = TestSupport.fixtures.appendingPathComponent("bad-inputs")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func checkPrintsTheExpectedDiagnostics(_ name: String) throws {
        let site = Self.corpus.appendingPathComponent(name)
        let (output, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false).check(format: .text)
        let expectedURL = site.appendingPathComponent("expected.txt")
        if TestSupport.isRecording {
            try Data(output.utf8).write(to: expectedURL)
            return
        }
        #expect(output == (try String(contentsOf: expectedURL, encoding: .utf8)))
        #expect(output.contains(": error: ") == !isPassing)
    }

    @Test(arguments: cases)
    func aBuildOfABadSiteWritesNothing(_ name: String) throws {
        let site = Self.corpus.appendingPathComponent(name)
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let report = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build()
        if report.hasErrors {
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
