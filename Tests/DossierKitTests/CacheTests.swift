import Foundation
import Testing
@testable import DossierKit

/// The build cache: a rebuild with nothing changed stops at once; after any change only what changed
/// is parsed and rendered, and the output equals a clean build's, byte for byte.
@Suite struct CacheTests {
    private func makeSite() throws -> URL {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\ntags: [R&D]\n---\n\nNotes.\n",
            "content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: mid\nsegments: [{name: Rail}]\n---\n",
            "content/accounts/delta.md": "---\nname: Delta\nowner: Jonas\nstage: pre\n---\n\n## Talking points\n\n- Price\n",
        ], under: site)
        return site
    }

    private func build(_ site: URL, cached: Bool = true, asOf: Day = TestSupport.asOf) -> BuildReport {
        var builder = SiteBuilder(siteRoot: site, asOf: asOf)
        builder.usesCache = cached
        builder.readsHistory = false
        return builder.build()
    }

    /// A clean build of the same site elsewhere, for comparison.
    private func cleanBuild(_ site: URL, asOf: Day = TestSupport.asOf) throws -> [String: Data] {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: asOf)
        builder.readsHistory = false
        #expect(!builder.build().hasErrors)
        return try TestSupport.tree(at: output)
    }

    private func output(of site: URL) throws -> [String: Data] {
        try TestSupport.tree(at: site.appendingPathComponent("output"))
    }

    @Test func everyExampleDossierSurvivesTheCacheForm() throws {
        // For the team, so that the private parts of the examples go through the cache form too.
        let analysis = SiteAnalysis.analyze(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf, audience: "team")
        #expect(analysis.dossiers.count == 12)
        #expect(analysis.dossiers.contains { !$0.dossier.privateNotes.isEmpty })
        let markdown = MarkdownRenderer(privateSections: .shown(label: "Private"))
        for analyzed in analysis.dossiers {
            var dossier = analyzed.dossier
            dossier.body = ""
            let entry = ParsedDossier.Value(dossier: dossier, body: markdown.render(analyzed.dossier.body))
            let decoded = try #require(ParsedDossier.Value(bytes: entry.bytes))
            #expect(decoded.dossier == dossier)
            #expect(decoded.body == entry.body)
        }
    }

    @Test func aRebuildWithNothingChangedDoesNothing() throws {
        let site = try makeSite()
        let first = build(site)
        #expect(!first.isUpToDate && (first.output?.written ?? 0) > 0)
        let second = build(site)
        #expect(second.isUpToDate)
        #expect(second.output?.unchanged == first.output?.written)
        #expect(!build(site, cached: false).isUpToDate, "--no-cache always builds")
    }

    @Test func anEditAppendsOneEntryToThePackWhichNeverGrowsPastTwiceWhatItHolds() throws {
        let site = try makeSite()
        let pack = site.appendingPathComponent(".dossier-cache/build-cache.dossiers")
        func size() throws -> Int { try Data(contentsOf: pack).count }
        _ = build(site)
        let first = try size()
        var sizes: [Int] = []
        for edit in 1...12 {
            try TestSupport.write(["content/accounts/delta.md": "---\nname: Delta\nowner: Jonas\nstage: pre\n---\n\nNotes \(edit).\n"], under: site)
            let report = build(site)
            #expect(report.analysis.parsedCount == 1, "edit \(edit): the entries appended before are read back")
            sizes.append(try size())
        }
        #expect(sizes[0] > first, "the first edit appends")
        #expect(sizes.allSatisfy { $0 <= 2 * first + 64 }, "the pack is written anew once more than half of it is unused: \(sizes)")
        #expect(Set(sizes).count > 2)
        #expect(try output(of: site) == (try cleanBuild(site)))
    }

    @Test func anIndexWithHostilePlacesInThePackLoadsOnlyTheEntriesThatFit() throws {
        let site = try makeSite()
        _ = build(site)
        let folder = site.appendingPathComponent(".dossier-cache")
        var cache = try #require(BuildCache.load(from: folder))
        let paths = cache.sources.keys.sorted()
        #expect(paths.count == 3)
        cache.sources[paths[0]]?.entryOffset = Int.max - 3
        cache.sources[paths[1]]?.entryOffset = -8
        cache.sources[paths[1]]?.entryLength = Int.max
        cache.loadEntries(from: folder)
        #expect(cache.sources[paths[0]]?.entry == nil && cache.sources[paths[1]]?.entry == nil)
        #expect(cache.sources[paths[2]]?.entry != nil, "the entry whose place fits is read")
    }

    @Test func oneEditParsesOneDossierAndRendersOnlyThePagesThatShowIt() throws {
        let site = try makeSite()
        let first = build(site)
        #expect(first.analysis.parsedCount == 3)
        try TestSupport.write(["content/accounts/delta.md": "---\nname: Delta\nowner: Jonas\nstage: pre\n---\n\nNew notes.\n"], under: site)
        var report = build(site)
        #expect(report.analysis.parsedCount == 1)
        // New notes: Delta's report and brief, and the search chunk that holds its terms.
        #expect(report.output?.rendered == 3)
        #expect(try output(of: site) == (try cleanBuild(site)))
        try TestSupport.write(["content/accounts/delta.md": "---\nname: Delta\nowner: Jonas\nstage: early\n---\n\nNew notes.\n"], under: site)
        report = build(site)
        #expect(report.analysis.parsedCount == 1)
        // A new stage: also the pages that list every account (portfolio, stages, the search page, four
        // directories), the two stage pages it left and joined (a stage page shows only its accounts; the
        // meetings list does not show Delta, which has no meeting), the lists of all accounts and of all
        // findings, Jonas's owner page, the calendar feeds of the meetings and of Jonas (made from the
        // front-matter too), and the portfolio table; and the search's account chunk, as a result shows the stage.
        #expect(report.output?.rendered == 3 + 1 + 1 + 2 + 1 + 4 + 1 + 1 + 1 + 2 + 1 + 1)
        #expect(try output(of: site) == (try cleanBuild(site)))
    }

    @Test func afterAnySequenceOfEditsTheOutputEqualsACleanBuild() throws {
        let site = try makeSite()
        _ = build(site)
        let edits: [[String: String]] = [
            ["content/accounts/acme.md": "---\nname: Acme AG\nowner: Mei\nstage: mid\ntags: [R&D]\n---\n\nMore notes.\n"],
            // A tag whose slug clashes with Acme's: Acme's pages link to a new address, though Acme did not change.
            ["content/accounts/gamma.md": "---\nname: Gamma\nowner: Aiko\nstage: pre\ntags: [R D]\n---\n"],
            // A warning (an unknown key) is reported again on every build that is not up to date.
            ["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: mid\nsegments: [{name: Rail}]\nfavourite: yes\n---\n"],
            ["templates/brief.mustache": "Brief: {{name}}\n"],
            ["content/accounts/delta.md": "---\nname: Delta\nowner: Jonas\nstage: pre\n---\n\n## Talking points\n\n- Service\n"],
            ["content/accounts/delta.md": "---\nname: Delta\nowner: Mei\nstage: partnership\n---\n"],
            ["dossier.yml": "title: Renamed\nlanguage: zh\n"],
            ["dossier.yml": "title: Renamed\nunsafe_html: true\n", "content/accounts/gamma.md": "---\nname: Gamma\nowner: Aiko\nstage: pre\n---\n\n<b>bold</b>\n"],
        ]
        for edit in edits {
            try TestSupport.write(edit, under: site)
            let report = build(site)
            #expect(!report.isUpToDate)
            #expect(try output(of: site) == (try cleanBuild(site)))
            if edit.keys.contains("content/accounts/beta.md") {
                #expect(report.problems.map(\.location.path) == ["content/accounts/beta.md"])
                try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme AG\nowner: Mei\nstage: mid\n---\n"], under: site)
                #expect(build(site).problems.map(\.location.path) == ["content/accounts/beta.md"])
            }
            #expect(build(site).isUpToDate)
        }
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/accounts/beta.md"))
        #expect(!build(site).isUpToDate)
        #expect(try output(of: site) == (try cleanBuild(site)))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/accounts/beta").path), "an emptied folder is removed")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/accounts/europe"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.appendingPathComponent("content/accounts/delta.md"),
                                         to: site.appendingPathComponent("content/accounts/europe/delta-gmbh.md"))
        #expect(!build(site).isUpToDate, "a renamed dossier with the same bytes")
        #expect(try output(of: site) == (try cleanBuild(site)))
        let tomorrow = TestSupport.asOf.adding(days: 1)
        #expect(!build(site, asOf: tomorrow).isUpToDate)
        #expect(try output(of: site) == (try cleanBuild(site, asOf: tomorrow)))
    }

    @Test func aCommitChangesTheHistoryPagesWithoutParsingAgain() throws {
        let (repository, site) = try HistoryTests.makeRepository()
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: mid\n---\n"], under: site)
        func build(into output: URL? = nil, cached: Bool = true) -> BuildReport {
            var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
            builder.usesCache = cached
            return builder.build()
        }
        _ = build()
        #expect(build().isUpToDate)
        try HistoryTests.git(["add", "research/content"], in: repository)
        try HistoryTests.git(["commit", "-q", "-m", "Research: Beta"], in: repository, date: "2026-11-20T10:00:00+00:00")
        let report = build()
        #expect(!report.isUpToDate)
        #expect(report.analysis.parsedCount == 0)
        let clean = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        #expect(!build(into: clean, cached: false).hasErrors)
        #expect(try output(of: site) == (try TestSupport.tree(at: clean)))
    }

    @Test(arguments: ["garbage", "truncated", "damaged entry", "entries of another build", "other format"])
    func aDamagedOrForeignCacheIsIgnored(_ damage: String) throws {
        let site = try makeSite()
        _ = build(site)
        let index = site.appendingPathComponent(".dossier-cache/build-cache")
        let entries = site.appendingPathComponent(".dossier-cache/build-cache.dossiers")
        let url = damage.contains("entr") ? entries : index
        var bytes = [UInt8](try Data(contentsOf: url))
        switch damage {
        case "entries of another build":
            let other = try makeSite()
            _ = build(other)
            bytes = [UInt8](try Data(contentsOf: other.appendingPathComponent(".dossier-cache/build-cache.dossiers")))
        case "garbage": bytes = Array("garbage\n".utf8)
        case "truncated": bytes.removeLast(bytes.count / 2)
        case "damaged entry":
            // Inside the entries every Markdown body is rendered HTML: break one `<p>` so the text is no longer UTF-8.
            let index = try #require(bytes.indices.first { bytes[$0] == UInt8(ascii: "<") && bytes[$0 + 1] == UInt8(ascii: "p") })
            bytes[index] = 0xFF
        default: bytes.replaceSubrange(8..<16, with: Array("dossierX".utf8))
        }
        try Data(bytes).write(to: url)
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: late\n---\n"], under: site)
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: early\n---\n"], under: site)
        let report = build(site)
        #expect(!report.isUpToDate && !report.hasErrors)
        // A damaged entry costs only its own dossier a parse; any other damage, every dossier.
        #expect(report.analysis.parsedCount == (damage == "damaged entry" ? 2 : 3))
        #expect(try output(of: site) == (try cleanBuild(site)))
        #expect(build(site).isUpToDate)
    }

    @Test func aPageFolderRemovedByHandIsMadeAgain() throws {
        let site = try makeSite()
        _ = build(site)
        try FileManager.default.removeItem(at: site.appendingPathComponent("output/accounts/acme"))
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: early\n---\n"], under: site)
        #expect(!build(site).hasErrors)
        #expect(try output(of: site) == (try cleanBuild(site)))
    }

    @Test func theMarkerNeverMakesTheBuildRemoveAFileOutsideTheOutput() throws {
        let site = try makeSite()
        _ = build(site)
        try TestSupport.write(["victim.txt": "mine\n", "keep/notes.txt": "mine\n"], under: site)
        let marker = site.appendingPathComponent("output/.dossier-output")
        let listing = try String(contentsOf: marker, encoding: .utf8) + "../victim.txt\n../keep\n/etc/hostname\n"
        try listing.write(to: marker, atomically: true, encoding: .utf8)
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: early\n---\n"], under: site)
        #expect(!build(site).hasErrors)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("victim.txt").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("keep/notes.txt").path))
    }

    @Test func aTemplateReachedThroughALinkIsWatchedToo() throws {
        let site = try makeSite()
        // A link that stays inside the site (a link out of it is refused: SiteFileLinkTests).
        let elsewhere = site.appendingPathComponent("shared/brief.mustache")
        try FileManager.default.createDirectory(at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "Brief one: {{name}}\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("templates/brief.mustache"), withDestinationURL: elsewhere)
        _ = build(site)
        try "Brief two: {{name}}\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        #expect(!build(site).isUpToDate)
        #expect(try output(of: site) == (try cleanBuild(site)))
    }

    @Test func aMissingOrEditedPageIsMadeAgain() throws {
        let site = try makeSite()
        _ = build(site)
        let brief = site.appendingPathComponent("output/accounts/acme/brief.html")
        try FileManager.default.removeItem(at: brief)
        var report = build(site)
        #expect(!report.isUpToDate && report.output?.rendered == 1)
        try TestSupport.write(["output/accounts/acme/index.html": "changed by hand"], under: site)
        report = build(site)
        #expect(!report.isUpToDate && report.output?.rendered == 1)
        #expect(try output(of: site) == (try cleanBuild(site)))
    }
}
