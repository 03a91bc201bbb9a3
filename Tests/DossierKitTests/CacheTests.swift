import Foundation
import Testing
@testable import DossierKit

/// The build cache: a rebuild with nothing changed stops at once; any change gives a full build whose
/// output equals a clean build's, byte for byte.
@Suite struct CacheTests {
    private func makeSite() throws -> URL {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\n---\n\nNotes.\n",
            "content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: mid\n---\n",
        ], under: site)
        return site
    }

    private func build(_ site: URL, cached: Bool = true) -> BuildReport {
        var builder = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf)
        builder.usesCache = cached
        builder.readsHistory = false
        return builder.build()
    }

    /// A clean build of the same site elsewhere, for comparison.
    private func cleanBuild(_ site: URL) throws -> [String: Data] {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
        builder.readsHistory = false
        #expect(!builder.build().hasErrors)
        return try TestSupport.tree(at: output)
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

    @Test func afterAnySequenceOfEditsTheOutputEqualsACleanBuild() throws {
        let site = try makeSite()
        _ = build(site)
        let edits: [[String: String]] = [
            ["content/accounts/acme.md": "---\nname: Acme AG\nowner: Mei\nstage: mid\n---\n\nMore notes.\n"],
            ["content/accounts/gamma.md": "---\nname: Gamma\nowner: Aiko\nstage: pre\ntags: [new]\n---\n"],
            ["templates/brief.mustache": "Brief: {{name}}\n"],
            ["dossier.yml": "title: Renamed\nlanguage: zh\n"],
        ]
        for edit in edits {
            try TestSupport.write(edit, under: site)
            let report = build(site)
            #expect(!report.isUpToDate)
            let output = try TestSupport.tree(at: site.appendingPathComponent("output"))
            #expect(output == (try cleanBuild(site)))
            #expect(build(site).isUpToDate)
        }
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/accounts/beta.md"))
        #expect(!build(site).isUpToDate)
        #expect(try TestSupport.tree(at: site.appendingPathComponent("output")) == (try cleanBuild(site)))
    }

    @Test func aCorruptCacheOrAMissingPageMeansAFullBuild() throws {
        let site = try makeSite()
        _ = build(site)
        try TestSupport.write([".dossier-cache/build-digest": "garbage\n"], under: site)
        #expect(!build(site).isUpToDate)
        #expect(build(site).isUpToDate)
        try FileManager.default.removeItem(at: site.appendingPathComponent("output/accounts/acme/brief.html"))
        #expect(!build(site).isUpToDate)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/accounts/acme/brief.html").path))
    }
}
