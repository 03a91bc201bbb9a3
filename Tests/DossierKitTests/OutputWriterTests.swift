import Foundation
import Testing
@testable import DossierKit

@Suite struct OutputWriterTests {
    private func makeSite() throws -> URL {
        let root = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\n---\n"], under: root)
        return root
    }

    @Test func refusesAFolderItDidNotMakeAndLeavesItAlone() throws {
        let site = try makeSite()
        try TestSupport.write(["output/notes.txt": "mine"], under: site)
        let report = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(report.problems.map(\.formatted) == [
            "output:1:1: error: refusing to write into 'output': it is not empty and was not made by dossier; choose another --output or empty it",
        ])
        #expect(try TestSupport.tree(at: site.appendingPathComponent("output")) == ["notes.txt": Data("mine".utf8)])
    }

    @Test(arguments: ["", "content", "content/accounts/out", "templates"])
    func refusesToWriteOverTheSitesOwnFiles(_ output: String) throws {
        let site = try makeSite()
        let report = SiteBuilder(siteRoot: site, output: site.appendingPathComponent(output), asOf: TestSupport.asOf).build()
        #expect(report.problems.map(\.problem).contains { if case .outputInsideSite = $0 { true } else { false } })
        #expect(report.writtenFiles == 0)
    }

    @Test func replacesItsOwnOutputAndKeepsThePlaceholder() throws {
        let site = try makeSite()
        try TestSupport.write(["output/.gitkeep": ""], under: site)
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        try TestSupport.write(["output/stale.html": "old"], under: site)
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let files = try TestSupport.tree(at: site.appendingPathComponent("output"))
        #expect(files["stale.html"] == nil)
        #expect(files[".gitkeep"] != nil)
        #expect(files[OutputWriter.markerName] != nil)
        #expect(files["accounts/acme/index.html"] != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("dossier-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBuildWithAnErrorLeavesThePreviousOutputIntact() throws {
        let site = try makeSite()
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let before = try TestSupport.tree(at: site.appendingPathComponent("output"))
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: later\n---\n"], under: site)
        let report = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(report.hasErrors)
        #expect(report.writtenFiles == 0)
        #expect(try TestSupport.tree(at: site.appendingPathComponent("output")) == before)
    }

    @Test func removesStagingFoldersThatAnInterruptedBuildLeft() throws {
        let site = try makeSite()
        try TestSupport.write([".output.dossier-tmp-1-dead/\(OutputWriter.markerName)": "", ".output.dossier-tmp-2-keep/mine.txt": "x"], under: site)
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.path)
        #expect(!entries.contains(".output.dossier-tmp-1-dead"))
        #expect(entries.contains(".output.dossier-tmp-2-keep"))
    }
}
