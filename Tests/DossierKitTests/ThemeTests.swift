import Foundation
import Testing
@testable import DossierKit

@Suite struct ThemeTests {
    @Test func theBuiltInThemeIsTheRepositorysTemplatesFolder() throws {
        let files = try TestSupport.tree(at: TestSupport.repositoryRoot.appendingPathComponent("templates"))
        #expect(files.keys.sorted() == BuiltinTheme.files.keys.sorted())
        for (name, data) in files {
            #expect(BuiltinTheme.files[name] == String(decoding: data, as: UTF8.self), "templates/\(name) changed: run scripts/embed-theme")
        }
        let strings = Strings.languages.map { "strings/\($0).yml" }
        #expect(Set(files.keys) == Set((Theme.templateNames + Theme.partialNames).map { $0 + ".mustache" } + Theme.assetNames + strings))
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
