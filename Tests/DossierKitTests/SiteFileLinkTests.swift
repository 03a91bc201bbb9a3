import Foundation
import Testing
@testable import DossierKit

/// Files the site reads may be reached through links only when the link stays inside the site:
/// `ln -s ~/.ssh/id_rsa templates/k.mustache` plus `{{> k}}` must not publish the key.
@Suite struct SiteFileLinkTests {
    static let dossier = "---\nname: Acme\nowner: Mei Chen\nstage: early\n---\n\nNotes.\n"

    /// A site, and a secret file outside it.
    private func makeSite() throws -> (site: URL, secret: URL) {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        try TestSupport.write(["content/accounts/acme.md": Self.dossier, "dossier.yml": "title: Research\n"], under: site)
        let secret = root.appendingPathComponent("id_rsa")
        try "-----BEGIN OPENSSH PRIVATE KEY----- secret-canary\n".write(to: secret, atomically: true, encoding: .utf8)
        return (site, secret)
    }

    private func link(_ path: String, in site: URL, to target: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    private func build(_ site: URL) -> (report: BuildReport, output: URL) {
        let output = site.appendingPathComponent("output")
        return (SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build(), output)
    }

    @Test(arguments: ["templates/k.mustache", "templates/style.css", "templates/strings/en.yml", "dossier.yml", "content/accounts/stolen.md"])
    func aLinkOutOfTheSiteIsAnErrorAndNothingIsPublished(_ path: String) throws {
        let (site, secret) = try makeSite()
        if path == "dossier.yml" { try FileManager.default.removeItem(at: site.appendingPathComponent(path)) }
        try link(path, in: site, to: secret.path)
        try TestSupport.write(["templates/account.mustache": "{{> k}} {{name}}\n"], under: site)
        if path != "templates/k.mustache" { try TestSupport.write(["templates/k.mustache": "partial\n"], under: site) }
        let (report, output) = build(site)
        let refusals = report.problems.filter { $0.problem == .linkLeavesSite(target: secret.path) }
        #expect(refusals.map(\.location.path) == [path])
        #expect(report.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let (text, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false).check(format: .text)
        #expect(!isPassing)
        #expect(text.contains("\(path):1:1: error: this leads to '\(secret.path)', outside the site folder"))
        #expect(!text.contains("secret-canary"))
    }

    @Test func aLinkedTemplatesFolderOutOfTheSiteIsRefusedToo() throws {
        let (site, secret) = try makeSite()
        let elsewhere = secret.deletingLastPathComponent().appendingPathComponent("theme")
        try TestSupport.write(["theme/layout.mustache": "{{name}} secret-canary\n"], under: secret.deletingLastPathComponent())
        try link("templates", in: site, to: elsewhere.path)
        let (report, output) = build(site)
        #expect(report.problems.contains { $0.problem == .linkLeavesSite(target: elsewhere.appendingPathComponent("layout.mustache").path) && $0.location.path == "templates/layout.mustache" })
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func anAccountsFolderLinkedOutOfTheSiteIsRefused() throws {
        let (site, secret) = try makeSite()
        let elsewhere = secret.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try TestSupport.write(["accounts/beta.md": Self.dossier], under: elsewhere)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/accounts"))
        try link("content/accounts", in: site, to: elsewhere.appendingPathComponent("accounts").path)
        let (report, output) = build(site)
        #expect(report.problems.map(\.location.path) == ["content/accounts/beta.md"])
        #expect(report.problems.first?.problem == .linkLeavesSite(target: elsewhere.appendingPathComponent("accounts/beta.md").path))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aLinkInsideTheSiteIsFollowed() throws {
        let (site, _) = try makeSite()
        try TestSupport.write(["shared/k.mustache": "<p>shared partial</p>\n", "shared/settings.yml": "title: Linked title\n",
                               "templates/account.mustache": "{{> k}}\n"], under: site)
        try link("templates/k.mustache", in: site, to: "../shared/k.mustache")
        try FileManager.default.removeItem(at: site.appendingPathComponent("dossier.yml"))
        try link("dossier.yml", in: site, to: "shared/settings.yml")
        try link("content/accounts/acme-copy.md", in: site, to: "acme.md")
        let (report, output) = build(site)
        #expect(!report.hasErrors, "\(report.problems.map(\.formatted))")
        #expect(report.analysis.config.title == "Linked title")
        #expect(report.analysis.dossiers.map(\.dossier.slug) == ["acme", "acme-copy"])
        let page = try String(contentsOf: output.appendingPathComponent("accounts/acme/index.html"), encoding: .utf8)
        #expect(page.contains("<p>shared partial</p>"))
    }

    @Test func aConfigFileOutsideTheSiteIsRefused() throws {
        let (site, secret) = try makeSite()
        let (_, diagnostics) = SiteConfig.load(from: site, file: "../id_rsa")
        #expect(diagnostics.map(\.problem) == [.linkLeavesSite(target: secret.path)])
    }
}

/// Links in `templates/` that point at `/` or back up the site never make a build walk the disk.
@Suite struct TemplateFolderLinkTests {
    @Test func linksToTheRootOrBackUpTheSiteAreNotWalked() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": SiteFileLinkTests.dossier], under: site)
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent("everything").path, withDestinationPath: "/")
        for name in ["up-a", "up-b", "up-c"] {
            try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent(name).path, withDestinationPath: "..")
        }
        let files = FileTree.regularFiles(under: templates.path, skipsHidden: false, followsLinks: true, staysIn: site)
        #expect(files == ["up-a/content/accounts/acme.md"])
        let report = SiteBuilder(siteRoot: site, output: site.appendingPathComponent("output"), asOf: TestSupport.asOf).build()
        #expect(!report.hasErrors, "\(report.problems.map(\.formatted))")
    }
}
