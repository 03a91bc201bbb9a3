import Foundation
import Testing
@testable import DossierKit

/// Whole builds of fixture sites compared byte for byte with recorded output.
/// Run with `DOSSIER_RECORD=1` to re-record after an intended change, then review the diff in git.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["basic"])
    func buildMatchesTheRecordedOutput(_ site: String) throws {
        let siteRoot = TestSupport.fixtures.appendingPathComponent("sites/\(site)")
        let golden = TestSupport.fixtures.appendingPathComponent("golden/\(site)")
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("output")
        var builder = SiteBuilder(siteRoot: siteRoot, output: output, asOf: TestSupport.asOf)
        builder.readsHistory = false
        let report = builder.build()
        #expect(report.problems.isEmpty)
        let built = try TestSupport.tree(at: output)
        if TestSupport.isRecording {
            try? FileManager.default.removeItem(at: golden)
            for (path, data) in built {
                let url = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try TestSupport.tree(at: golden)
        let paths = Set(built.keys).union(expected.keys)
        let differing = paths.filter { built[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "differ from Fixtures/golden/\(site) (re-record with DOSSIER_RECORD=1 if intended): \(differing)")
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let siteRoot = TestSupport.fixtures.appendingPathComponent("sites/basic")
        let first = try TestSupport.makeTemporaryFolder().appendingPathComponent("a")
        let second = try TestSupport.makeTemporaryFolder().appendingPathComponent("b")
        _ = SiteBuilder(siteRoot: siteRoot, output: first, asOf: TestSupport.asOf).build()
        _ = SiteBuilder(siteRoot: siteRoot, output: second, asOf: TestSupport.asOf).build()
        let one = try TestSupport.tree(at: first)
        #expect(one.count > 10)
        #expect(one == (try TestSupport.tree(at: second)))
    }

    @Test func theNumberOfThreadsDoesNotChangeAByte() throws {
        var trees: [[String: Data]] = []
        for jobs in [1, 4] {
            let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
            var builder = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf)
            builder.threads = jobs
            builder.readsHistory = false
            #expect(!builder.build().hasErrors)
            trees.append(try TestSupport.tree(at: output))
        }
        #expect(trees[0] == trees[1])
    }

    @Test func theSameSiteInTwoFoldersBuildsToTheSameBytes() throws {
        var trees: [[String: Data]] = []
        for _ in 0..<2 {
            let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            for item in ["content", "dossier.yml"] {
                try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent(item), to: site.appendingPathComponent(item))
            }
            let report = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
            #expect(!report.hasErrors)
            trees.append(try TestSupport.tree(at: site.appendingPathComponent("output")))
        }
        #expect(trees[0].count > 100)
        #expect(trees[0] == trees[1])
    }

    @Test func frontMatterValuesAreEscapedAndUnsafeMarkdownIsDropped() throws {
        let siteRoot = TestSupport.fixtures.appendingPathComponent("sites/basic")
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        _ = SiteBuilder(siteRoot: siteRoot, output: output, asOf: TestSupport.asOf).build()
        let page = try String(contentsOf: output.appendingPathComponent("accounts/thin-prospect/index.html"), encoding: .utf8)
        #expect(page.contains("Thin Prospect &lt;Ltd&gt; &amp; &quot;Co&quot;"))
        #expect(!page.contains("<script>"))
        #expect(!page.contains("javascript:"))
    }

    @Test func theExampleSiteBuildsWithoutDiagnosticsAndHasEveryPage() throws {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let report = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf).build()
        #expect(report.problems.map(\.formatted) == [])
        let files = try TestSupport.tree(at: output)
        let slugs = report.analysis.dossiers.map(\.dossier.slug)
        #expect(slugs.count >= 9)
        #expect(Set(report.analysis.dossiers.map(\.dossier.stage)) == Set(Stage.allCases))
        var expected = ["index.html", "stages/index.html", "assets/style.css", "assets/brief.css"]
        expected += Stage.allCases.map { "stages/\($0.rawValue)/index.html" }
        expected += slugs.flatMap { ["accounts/\($0)/index.html", "accounts/\($0)/brief.html"] }
        for path in expected {
            #expect(files[path] != nil, "missing \(path)")
        }
    }
}
