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

    @Test func replacesItsOwnFilesAndKeepsEveryOtherFile() throws {
        let site = try makeSite()
        try TestSupport.write(["output/.gitkeep": ""], under: site)
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        try TestSupport.write(["output/.htaccess": "Options -Indexes", "output/notes/readme.txt": "ours"], under: site)
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let files = try TestSupport.tree(at: site.appendingPathComponent("output"))
        #expect(files[".htaccess"] == Data("Options -Indexes".utf8))
        #expect(files["notes/readme.txt"] == Data("ours".utf8))
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

    private func modificationDates(_ folder: URL) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        for path in try TestSupport.tree(at: folder).keys {
            dates[path] = try folder.appendingPathComponent(path).resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        }
        return dates
    }

    @Test func aRebuildWithNoChangeWritesNoFileAndKeepsEveryTime() throws {
        let site = try makeSite()
        let output = site.appendingPathComponent("output")
        let first = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(first.output?.written ?? 0 > 10)
        let before = try modificationDates(output)
        Thread.sleep(forTimeInterval: 1.1)
        let second = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(second.output == {
            var summary = OutputWriter.Summary()
            summary.unchanged = first.output?.written ?? 0
            summary.rendered = summary.unchanged
            return summary
        }())
        let after = try modificationDates(output)
        for (path, date) in before where path != OutputWriter.markerName {
            #expect(after[path] == date, "\(path) was rewritten")
        }
    }

    @Test func anEditWritesOnlyWhatChangedAndARemovedDossierLeavesNoPage() throws {
        let site = try makeSite()
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Mei\nstage: early\n---\n"], under: site)
        _ = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta Two\nowner: Mei\nstage: early\n---\n"], under: site)
        let edited = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect((edited.output?.written ?? 0) > 0)
        #expect((edited.output?.unchanged ?? 0) > (edited.output?.written ?? 0))
        #expect(edited.output?.removed == 0)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/accounts/beta.md"))
        let removed = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(removed.output?.removed == 2)
        let files = try TestSupport.tree(at: site.appendingPathComponent("output"))
        #expect(files["accounts/beta/index.html"] == nil && files["accounts/beta/brief.html"] == nil)
        #expect(files["accounts/acme/index.html"] != nil)
    }
}
