import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierKit

/// Canary strings in every private place of a site in a real git repository, looked for in every file
/// of the output: none in a build for `company`, every one (but old values) in a build for `team`.
@Suite struct AudienceBuildTests {
    /// Canaries a `team` build shows; a `company` build shows none.
    static let teamCanaries = ["CANARY-MAP-VALUE", "CANARY-MAP-KEY", "CANARY-DEEP", "CANARY-HEADING", "CANARY-H2", "CANARY-H2-NESTED",
                               "CANARY-H3", "CANARY-TP", "CANARY-LAST"]

    static func dossier(walkAway: String) -> String {
        """
        ---
        name: Acme Logistics
        owner: Mei Chen
        stage: early
        stakeholders:
          - {name: Anna Roth, role: decision-maker, stance: neutral, last_contact: 2026-10-01}
        next_meeting: {date: 2026-12-03, with: [Anna Roth], objective: Agree the pilot}
        private:
          walk_away: \(walkAway)
          CANARY-MAP-KEY: who knows
          people:
            Anna Roth: [CANARY-DEEP, plays golf]
        ---

        ## Situation

        Public situation.

        ## Negotiation CANARY-HEADING {private}

        CANARY-H2 is our floor.

        ### Options

        - CANARY-H2-NESTED

        ## About {private} markers

        Public: a heading that only mentions the marker.

        ### Pricing history {private}

        CANARY-H3

        ## Talking points

        - Public point

        ### Walk-away {private}

        - CANARY-TP

        ## Risks

        Public risks.

        ### Very last {private}

        CANARY-LAST

        """
    }

    static let other = "---\nname: Beta Foods\nowner: Jonas Weber\nstage: mid\n---\n\n## Situation\n\nPublic only.\n"

    /// A repository with two commits of Acme: the walk-away price changed between them.
    static func makeSite() throws -> URL {
        let site = try TestSupport.makeTemporaryFolder()
        try HistoryTests.git(["init", "-q"], in: site)
        try TestSupport.write(["content/accounts/acme.md": dossier(walkAway: "CANARY-OLD-VALUE"), "content/accounts/beta.md": other], under: site)
        try HistoryTests.git(["add", "."], in: site)
        try HistoryTests.git(["commit", "-q", "-m", "Research: Acme"], in: site, date: "2026-09-01T10:00:00+00:00")
        try TestSupport.write(["content/accounts/acme.md": dossier(walkAway: "CANARY-MAP-VALUE")], under: site)
        try HistoryTests.git(["commit", "-q", "-am", "Acme: pricing update"], in: site, date: "2026-10-16T10:00:00+00:00")
        return site
    }

    private func build(_ site: URL, audience: String?, output: URL? = nil, cache: URL? = nil) throws -> [String: String] {
        let folder = try output ?? TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: folder, asOf: TestSupport.asOf)
        builder.audience = audience
        if let cache {
            builder.usesCache = true
            builder.cacheFolder = cache
        }
        let report = builder.build()
        #expect(!report.hasErrors, "\(report.problems.map(\.formatted))")
        return try TestSupport.tree(at: folder).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The files of `tree` that contain `text`.
    private func files(_ tree: [String: String], containing text: String) -> [String] {
        tree.filter { $0.value.contains(text) }.keys.sorted()
    }

    @Test func aCompanyBuildLeavesNoPrivateStringInAnyFile() throws {
        let site = try Self.makeSite()
        for audience in [nil, "company"] {
            let tree = try build(site, audience: audience)
            #expect(tree.count > 10)
            #expect(files(tree, containing: "CANARY").isEmpty, "leaked into \(files(tree, containing: "CANARY"))")
            #expect(files(tree, containing: "private notes changed").isEmpty)
            #expect(files(tree, containing: "private-label").allSatisfy { $0.hasSuffix(".css") }, "only the stylesheets know the label")
            let report = try #require(tree["accounts/acme/index.html"])
            #expect(report.contains("<h2>About {private} markers</h2>"))
            #expect(report.contains("Public: a heading that only mentions the marker."))
            #expect(report.contains("<h2>Risks</h2>\n<p>Public risks.</p>\n\n</section>"))
            #expect(report.contains("Acme: pricing update"), "the history is still shown")
            // The search data holds folded terms ("canary", not "CANARY"): no private word is among them.
            let search = try SearchData(tree)
            #expect(search.terms.isSuperset(of: ["acme", "situation", "public", "risks"]))
            #expect(search.terms.isDisjoint(with: ["canary", "golf", "floor", "knows"]), "\(search.terms.sorted())")
            #expect(files(tree, containing: "canary").isEmpty)
            #expect(search.names(for: "public risks") == ["Acme Logistics"])
        }
    }

    @Test func aTeamBuildShowsEveryPrivatePartMarked() throws {
        let site = try Self.makeSite()
        let tree = try build(site, audience: "team")
        for canary in Self.teamCanaries {
            #expect(!files(tree, containing: canary).isEmpty, "missing: \(canary)")
        }
        #expect(files(tree, containing: "CANARY-OLD-VALUE").isEmpty, "a change line never shows values")
        let report = try #require(tree["accounts/acme/index.html"])
        let brief = try #require(tree["accounts/acme/brief.html"])
        let search = try SearchData(tree)
        #expect(report.contains("<h2>Negotiation CANARY-HEADING <span class=\"private-label\">Private</span></h2>"))
        #expect(!report.contains("CANARY-HEADING {private}"))
        #expect(report.contains("<h2>About {private} markers</h2>"))
        #expect(report.contains("<h2 id=\"private-notes\">Private notes <span class=\"private-label\">Private</span></h2>"))
        #expect(report.contains("<li class=\"depth-0\"><strong>walk_away</strong>: CANARY-MAP-VALUE</li>"))
        #expect(report.contains("<li class=\"depth-2\">CANARY-DEEP</li>"))
        for canary in ["CANARY-TP", "CANARY-MAP-VALUE", "CANARY-MAP-KEY"] { #expect(brief.contains(canary), "brief lacks \(canary)") }
        #expect(brief.contains("<li>private notes changed</li>"))
        for canary in ["CANARY-H2", "CANARY-LAST", "CANARY-MAP-KEY", "CANARY-DEEP", "plays golf"] {
            #expect(search.names(for: canary) == ["Acme Logistics"], "search does not find \(canary)")
        }
        // The search data holds terms, not text: "{private}" is the term "private".
        #expect(files(tree, containing: "{private}") == ["accounts/acme/index.html"], "only the heading that mentions it")
        #expect(try #require(tree["assets/style.css"]).contains(".private-label"))
        #expect(try #require(tree["assets/brief.css"]).contains(".private-label"))
    }

    @Test func switchingAudienceInAnIncrementalBuildRemakesThePages() throws {
        let site = try Self.makeSite()
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let cache = try TestSupport.makeTemporaryFolder().appendingPathComponent("cache")
        for audience in ["company", "team", "company", "team", nil] {
            let incremental = try build(site, audience: audience, output: output, cache: cache)
            let clean = try build(site, audience: audience)
            #expect(incremental == clean, "incremental build for \(audience ?? "the default") differs from a clean one")
            #expect(files(incremental, containing: "CANARY").isEmpty == (audience != "team"))
        }
    }

    @Test func theChangesCommandKeepsPrivateValuesOut() throws {
        let site = try Self.makeSite()
        let since = Day(parsing: "2026-10-01")
        let company = try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, since: since, audience: "company").text().get()
        #expect(company == "Changes since 1 Oct 2026, as of 26 Nov 2026\n\nNo dossier changed.\n", "only private values changed")
        let byDefault = try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, since: since).text().get()
        #expect(byDefault == company)
        let team = try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, since: since, audience: "team").text().get()
        #expect(team.contains("  - private notes changed\n"))
        #expect(!team.contains("CANARY"))
        #expect(throws: ChangeReportFailure.self) { try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, audience: "sales").text().get() }
    }

    @Test func anUnknownAudienceStopsTheBuildBeforeItWritesAnything() throws {
        let site = try Self.makeSite()
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
        builder.audience = "sales"
        let report = builder.build()
        #expect(report.problems.filter { $0.severity == .error }.map(\.formatted) == ["dossier.yml:1:1: error: unknown audience 'sales'; the settings name: company, team"])
        // The heading that only mentions the marker is public, and check says so.
        #expect(report.problems.filter { $0.severity == .warning }.map(\.formatted) == [
            "content/accounts/acme.md:27:1: warning: this heading mentions {private} but does not end with it, so its section is public; put {private} at the end of the heading to keep the section private",
        ])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aSiteChoosesItsOwnAudiencesAndDefault() throws {
        let site = try Self.makeSite()
        try TestSupport.write(["dossier.yml": "audiences:\n  insiders: {private: true}\n  everyone: {private: false}\ndefault_audience: insiders\n"], under: site)
        let insiders = try build(site, audience: nil)
        #expect(!files(insiders, containing: "CANARY-H2").isEmpty)
        #expect(files(try build(site, audience: "everyone"), containing: "CANARY").isEmpty)
    }

    @Test func aPrintedBriefShowsPrivatePartsOnlyToTheTeamAndLabelsThem() throws {
        let site = try Self.makeSite()
        let folder = try TestSupport.makeTemporaryFolder()
        var printer = BriefPrinter(siteRoot: site, asOf: TestSupport.asOf)
        let company = folder.appendingPathComponent("company.pdf"), team = folder.appendingPathComponent("team.pdf")
        #expect(try printer.print(.account("acme"), to: company).get() == ["acme"])
        printer.audience = "team"
        #expect(try printer.print(.account("acme"), to: team).get() == ["acme"])
        let companyText = try Browser.run("pdftotext", [company.path, "-"])
        let teamText = try Browser.run("pdftotext", [team.path, "-"])
        #expect(companyText.contains("Public point"))
        #expect(!companyText.contains("CANARY") && !companyText.uppercased().contains("PRIVATE"))
        #expect(teamText.contains("CANARY-TP") && teamText.contains("CANARY-MAP-VALUE"))
        #expect(teamText.contains("PRIVATE"), "the label is printed")
    }

    @Test(arguments: [nil, "company", "team"])
    func thePreviewShowsPrivatePartsOnlyToAnAudienceThatSeesThem(audience: String?) async throws {
        let site = try Self.makeSite()
        let server = try PreviewServer(siteRoot: site, asOf: TestSupport.asOf, audience: audience, port: 0)
        let port = try await server.start()
        func served(_ path: String) async throws -> String {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/\(path)"))
            let (data, _) = try await URLSession.shared.data(from: url)
            return String(decoding: data, as: UTF8.self)
        }
        // The search's chunks, as the manifest lists them.
        let manifest = try await served("search/manifest.js")
        let chunks = manifest.components(separatedBy: "\"").filter { $0.hasSuffix(".js") }.map { "search/" + $0 }
        #expect(chunks.count == 2, "one term chunk, one account chunk: \(manifest)")
        for path in ["accounts/acme/index.html", "accounts/acme/brief.html"] + chunks {
            let page = try await served(path)
            #expect(page.lowercased().contains("acme"), "\(path) was not served")
            #expect(page.lowercased().contains("canary") == (audience == "team" && !path.contains("accounts-")), "\(path) for \(audience ?? "the default audience")")
        }
        await server.stop()
    }
}
