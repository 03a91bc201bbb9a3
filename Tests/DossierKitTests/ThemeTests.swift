import Foundation
import Testing
@testable import DossierKit

@Suite struct ThemeTests {
    @Test func theBuiltInThemeIsTheRepositorysTemplatesFolder() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == BuiltinTheme.files.keys.sorted())
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(BuiltinTheme.files[name] == text, "templates/\(name) changed: run scripts/embed-theme")
        }
        #expect(Set(names) == Set(Theme.templateNames.map { $0 + ".mustache" } + Theme.assetNames))
    }

    @Test func aSiteTemplateOverridesTheBuiltInOne() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\n---\n",
            "templates/brief.mustache": "Brief for {{name}}{{> signature}}\n",
            "templates/signature.mustache": " by {{owner}}",
        ], under: site)
        let output = site.appendingPathComponent("output")
        #expect(!SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build().hasErrors)
        #expect(try String(contentsOf: output.appendingPathComponent("accounts/acme/brief.html"), encoding: .utf8) == "Brief for Acme by Mei\n")
    }

    @Test func aTemplateSyntaxErrorNamesTheFileLineAndColumn() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\n---\n",
            "templates/account.mustache": "<h1>{{name}}</h1>\n{{#tags}}\n<p>{{.}}</p>\n{{/tag}}\n",
        ], under: site)
        let report = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf).build()
        #expect(report.problems.map(\.formatted) == [
            "templates/account.mustache:4:4: error: template syntax error: a section is closed with a different name than it was opened with",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path))
    }
}
