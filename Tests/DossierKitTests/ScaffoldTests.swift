import Foundation
import Testing
@testable import DossierKit

@Suite struct ScaffoldTests {
    @Test func aNewSiteAndANewDossierCheckCleanly() throws {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        let written = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        #expect(written == ["dossier.yml", ".gitignore", "content/accounts/example-account.md"])
        let path = try Scaffold.newDossier(slug: "acme-gmbh", name: "Acme \"Quoted\" GmbH", owner: nil, in: site, today: TestSupport.asOf)
        #expect(path == "content/accounts/acme-gmbh.md")
        let (output, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, isStrict: true, includesNotes: false).check(format: .text)
        #expect(output == "0 errors, 0 warnings in 2 dossiers\n")
        #expect(isPassing)
        let analysis = SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf)
        #expect(analysis.dossiers.map(\.dossier.name) == ["Acme \"Quoted\" GmbH", "Example Account Ltd"])
    }

    @Test func neverOverwritesAFile() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "my research"], under: site)
        #expect(throws: Scaffold.Failure.exists("content/accounts/acme.md")) {
            try Scaffold.newDossier(slug: "acme", name: nil, owner: nil, in: site, today: TestSupport.asOf)
        }
        #expect(try String(contentsOf: site.appendingPathComponent("content/accounts/acme.md"), encoding: .utf8) == "my research")
        try TestSupport.write(["content/accounts/dach/kessler.md": "my research"], under: site)
        #expect(throws: Scaffold.Failure.exists("content/accounts/dach/kessler.md")) {
            try Scaffold.newDossier(slug: "kessler", name: nil, owner: nil, in: site, today: TestSupport.asOf)
        }
        #expect(throws: Scaffold.Failure.notEmpty(site.path)) {
            try Scaffold.initSite(at: site, today: TestSupport.asOf)
        }
    }

    @Test(arguments: ["Acme", "acme_gmbh", "-acme", "", "acme/../x"])
    func refusesBadSlugs(_ slug: String) throws {
        let site = try TestSupport.makeTemporaryFolder()
        #expect(throws: Scaffold.Failure.badSlug(slug)) {
            try Scaffold.newDossier(slug: slug, name: nil, owner: nil, in: site, today: TestSupport.asOf)
        }
    }
}
