import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    /// The id of a process that has ended.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func removesOnlyWhatBuildsThatAreGoneLeftBesideTheOutput() throws {
        let site = try makeSite()
        let dead = try Self.deadProcessID()
        try TestSupport.write([
            ".output.dossier-tmp-\(dead)-aaaa/\(OutputWriter.markerName)": "", ".output.dossier-tmp-\(dead)-aaaa/index.html": "x",
            ".output.dossier-old-\(dead)-bbbb/\(OutputWriter.markerName)": "",
            // A running process's (pid 1 is always running): another build of the same output may be writing it.
            ".output.dossier-tmp-1-cccc/\(OutputWriter.markerName)": "",
            // Without the marker it is not dossier's.
            ".output.dossier-tmp-\(dead)-dddd/mine.txt": "x",
        ], under: site)
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let entries = Set(try FileManager.default.contentsOfDirectory(atPath: site.path))
        #expect(!entries.contains(".output.dossier-tmp-\(dead)-aaaa"))
        #expect(!entries.contains(".output.dossier-old-\(dead)-bbbb"))
        #expect(entries.contains(".output.dossier-tmp-1-cccc"))
        #expect(entries.contains(".output.dossier-tmp-\(dead)-dddd"))
    }

    @Test func aPreviousSiteMovedAsideIsPutBackWhenTheOutputIsMissing() throws {
        let site = try makeSite()
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let output = site.appendingPathComponent("output")
        let before = try TestSupport.tree(at: output)
        // As a build killed between the two renames of a swap leaves it, where the folders cannot be exchanged.
        let aside = site.appendingPathComponent(".output.dossier-old-\(try Self.deadProcessID())-eeee")
        try FileManager.default.moveItem(at: output, to: aside)
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: later\n---\n"], under: site)
        #expect(SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        #expect(try TestSupport.tree(at: output) == before)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func initsGitignoreCoversWhatAnInterruptedBuildLeaves() throws {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        _ = try TestSupport.run("git", ["init", "-q"], in: site)
        for path in [".output.dossier-tmp-4242-0a1b2c3d/index.html", ".output.dossier-old-4242-0a1b2c3d/index.html", ".output.dossier-lock",
                     "output/index.html", ".dossier-cache/build-cache"] {
            #expect(try TestSupport.run("git", ["check-ignore", "-q", path], in: site).status == 0, "\(path) is not ignored")
        }
        #expect(try TestSupport.run("git", ["check-ignore", "-q", "content/accounts/example-account.md"], in: site).status == 1)
    }

    /// A site whose pages include tag pages, built with the cache (so the next build is an incremental one).
    private func makeTaggedSite() throws -> URL {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\ntags: [Rail]\n---\n",
            "content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: mid\ntags: [Port]\n---\n",
        ], under: site)
        return site
    }

    private func cachedBuild(_ site: URL, output: URL? = nil) -> BuildReport {
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
        builder.usesCache = output == nil
        builder.readsHistory = false
        return builder.build()
    }

    @Test func neverWritesOrRemovesThroughALinkInsideTheOutput() throws {
        let site = try makeTaggedSite()
        #expect(!cachedBuild(site).hasErrors)
        let output = site.appendingPathComponent("output")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tags/rail/index.html").path))
        // The tag pages moved elsewhere and linked back: `rm -r output/tags; ln -s /elsewhere output/tags`.
        let elsewhere = try TestSupport.makeTemporaryFolder().appendingPathComponent("tags")
        try FileManager.default.moveItem(at: output.appendingPathComponent("tags"), to: elsewhere)
        try TestSupport.write(["victim.txt": "mine\n"], under: elsewhere)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("tags"), withDestinationURL: elsewhere)
        let untouched = try TestSupport.tree(at: elsewhere)
        // Acme's tag changes: the old tag's page goes, a new one comes, every tag page changes.
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\ntags: [Road]\n---\n"], under: site)
        let report = cachedBuild(site)
        #expect(!report.hasErrors)
        #expect(try TestSupport.tree(at: elsewhere) == untouched, "a page was written or removed through the link")
        #expect(report.problems.map(\.formatted) == [
            "output:1:1: warning: 'output/tags' was a symbolic link in the way of the site's pages; it was replaced by the pages (dossier never writes through a link)",
        ])
        #expect(OutputTree.kind(at: output.appendingPathComponent("tags").path) == S_IFDIR)
        let clean = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        #expect(!cachedBuild(site, output: clean).hasErrors)
        #expect(try TestSupport.tree(at: output) == (try TestSupport.tree(at: clean)))
    }

    @Test func aLinkAPageIsNotInTheWayOfIsKeptAsALink() throws {
        let site = try makeTaggedSite()
        #expect(!cachedBuild(site).hasErrors)
        let elsewhere = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["notes.txt": "mine\n"], under: elsewhere)
        let link = site.appendingPathComponent("output/downloads")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\ntags: [Rail]\n---\n"], under: site)
        let report = cachedBuild(site)
        #expect(!report.hasErrors && report.problems.isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == elsewhere.path)
        #expect(try TestSupport.tree(at: elsewhere) == ["notes.txt": Data("mine\n".utf8)])
    }

    @Test func refusesAnOutputThatIsALinkAndLeavesWhatItPointsTo() throws {
        let site = try makeTaggedSite()
        let real = try TestSupport.makeTemporaryFolder().appendingPathComponent("www")
        #expect(!cachedBuild(site, output: real).hasErrors)
        let before = try TestSupport.tree(at: real)
        let output = site.appendingPathComponent("output")
        try FileManager.default.createSymbolicLink(at: output, withDestinationURL: real)
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\ntags: [Rail]\n---\n"], under: site)
        let report = cachedBuild(site)
        #expect(report.problems.map(\.formatted) == [
            "output:1:1: error: refusing to write to 'output': it is a symbolic link, and dossier replaces the output folder as a whole; give the folder it points to with --output",
        ])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.path) == real.path)
        #expect(try TestSupport.tree(at: real) == before)
    }

    @Test func aFileDossierDidNotMakeWhereAPageGoesIsAnErrorAndKept() throws {
        let site = try makeTaggedSite()
        #expect(!cachedBuild(site).hasErrors)
        try TestSupport.write(["output/tags/road/index.html": "mine"], under: site)
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\ntags: [Road]\n---\n"], under: site)
        let report = cachedBuild(site)
        #expect(report.problems.map(\.formatted) == [
            "output:1:1: error: 'output/tags/road/index.html' was not made by dossier but a page of the site must be written there; move it out of the output folder",
        ])
        #expect(try TestSupport.tree(at: site.appendingPathComponent("output"))["tags/road/index.html"] == Data("mine".utf8))
    }

    /// A folder of the previous site that cannot be removed: as root (who may remove anything a
    /// permission forbids) one marked immutable with `chattr +i`, otherwise one made read-only.
    @Test func aPreviousSiteThatCannotBeRemovedIsReportedAndRemovedByTheNextBuild() throws {
        let site = try makeSite()
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        let folder = site.appendingPathComponent("output/accounts/acme")
        let isRoot = getuid() == 0
        if isRoot {
            let marked = try TestSupport.run("chattr", ["+i", folder.path], includesErrors: true)
            try #require(marked.status == 0, "chattr +i is needed on this file system: \(marked.output)")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        }
        defer { _ = try? TestSupport.run("chattr", ["-R", "-i", site.path]) }
        let report = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(!report.hasErrors)
        let leftovers = { try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".output.dossier-") } }
        if isRoot {
            // Nothing can remove it: the build says so, by name.
            let left = try leftovers()
            #expect(left.count == 1)
            #expect(report.problems.map(\.problem).contains {
                if case .previousOutputNotRemoved(let path, _) = $0 { left.contains(path) } else { false }
            })
            _ = try TestSupport.run("chattr", ["-R", "-i", site.path])
            #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        } else {
            #expect(report.problems.isEmpty)
        }
        #expect(try leftovers().isEmpty)
    }

    @Test func whereFoldersCannotBeExchangedTwoRenamesPublishTheSite() throws {
        let site = try TestSupport.makeTemporaryFolder()
        var writer = OutputWriter(output: site.appendingPathComponent("output"), siteRoot: site)
        writer.exchangesFolders = false
        func pages(_ text: String) -> [PageJob] {
            ["index.html", "accounts/acme/index.html", "accounts/beta/index.html"].map { path in
                PageJob(path: path, key: path + text) { "\(path): \(text)" }
            }
        }
        let first = try writer.write(pages("one"), threads: 2).get()
        #expect(first.summary.written == 3 && first.warnings.isEmpty)
        try TestSupport.write(["output/.htaccess": "Options -Indexes"], under: site)
        let second = try writer.write(Array(pages("two").prefix(2)), threads: 2).get()
        #expect(second.summary.written == 2 && second.summary.removed == 1 && second.warnings.isEmpty)
        #expect(try TestSupport.tree(at: writer.output) == [
            "index.html": Data("index.html: two".utf8), "accounts/acme/index.html": Data("accounts/acme/index.html: two".utf8),
            ".htaccess": Data("Options -Indexes".utf8),
            OutputWriter.markerName: Data(OutputWriter.markerText(listing: ["index.html", "accounts/acme/index.html"]).utf8),
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["output"])
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
