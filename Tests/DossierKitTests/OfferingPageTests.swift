import Foundation
import Testing
@testable import DossierKit

/// The account plan in a built site: the portfolio's plan sections, the offering pages, owners' lists
/// and the search index, on a small site written for it.
@Suite struct OfferingPageTests {
    static let acme = """
        ---
        name: Acme Logistics
        owner: Mei Chen
        team: [Jonas Weber]
        stage: mid
        competitors:
          - name: Kessler Systems
        stakeholders:
          - {name: Anna Roth, role: decision-maker, stance: supportive, influence: high, our_contact: Mei Chen, wins: [WIN-CALMER-NIGHTS]}
        objectives:
          - {goal: GOAL-WALLET-SHARE, measure: share_of_wallet, target: 25%, by: 2027-12-31}
        value:
          proposition: PROPOSITION-FEWER-ERRORS
          outcomes:
            - {metric: METRIC-PICKING-ERRORS, baseline: 0.9%, target: 0.7%}
        opportunities:
          - {name: OPP-HAMBURG-FLEET, offering: AMR, value: 3200000, stage: propose, close: 2027-03-31, owner: Jonas Weber}
          - {name: Leipzig WMS, offering: WMS, value: 100000, stage: won, close: 2026-06-30}
        whitespace:
          - centre: Hamburg hub
            ours: [WMS]
            competitors: {AS/RS: Kessler Systems}
            open: [AMR]
        plan:
          - {milestone: Send the Hamburg proposal, owner: Jonas Weber, due: 2026-12-10}
          - {milestone: Book the site visit, owner: Jonas Weber, due: 2026-12-11}
          - {milestone: Overdue pricing review, owner: Jonas Weber, due: 2026-11-20}
        next_meeting:
          date: 2026-12-03
          with: [Anna Roth]
          objective: Agree the scope
          ask: ASK-SIGNED-SCOPE
          fallback: FALLBACK-WORKSHOP
          their_interests: [INTEREST-PROOF-FIRST]
          options: [OPTION-PHASED-SCOPE]
        private:
          walk_away: CANARY-WALK-AWAY
        ---

        ## Situation

        Public.

        ## Negotiation {private}

        CANARY-SECTION
        """

    static let beta = """
        ---
        name: Beta Foods
        owner: Jonas Weber
        stage: early
        financials: {currency: USD}
        opportunities:
          - {name: Beta robots, offering: AMR, value: 1000000, stage: qualify, close: 2027-01-31, owner: Jonas Weber}
        whitespace:
          - centre: Plant 1
            competitors: {AMR: Other Robotics}
        ---
        """

    static let settings = "currency: EUR\nexchange_rates: {USD: 0.5}\nofferings: [WMS, AMR, AS/RS, Service]\n"

    static func build(settings: String = settings, audience: String? = nil) throws -> [String: String] {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["dossier.yml": settings, "content/accounts/acme.md": acme, "content/accounts/beta.md": beta], under: site)
        let output = site.appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
        builder.audience = audience
        let report = builder.build()
        #expect(!report.hasErrors, "\(report.problems.map(\.formatted))")
        return try TestSupport.tree(at: output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func thePortfolioShowsThePipelineByStageWhiteSpaceAndLinks() throws {
        let html = try #require(try Self.build()["index.html"])
        // Open: 3.2 m (propose) and 1 m USD at 0.5 (qualify); won apart.
        #expect(html.contains(#"<tr><th scope="row">qualify</th><td class="num">1</td><td class="num">EUR 500 k</td></tr>"#))
        #expect(html.contains(#"<tr><th scope="row">propose</th><td class="num">1</td><td class="num">EUR 3.2 m</td></tr>"#))
        #expect(html.contains(#"<tr><th scope="row">Open in all</th><td class="num">2</td><td class="num">EUR 3.7 m</td></tr>"#))
        #expect(html.contains("<tbody class=\"closed\">\n<tr><th scope=\"row\">won</th><td class=\"num\">1</td><td class=\"num\">EUR 100 k</td></tr>"))
        #expect(html.contains(#"<a href="stages/mid/index.html">Mid KAM</a></th><td class="num">1</td><td class="num">EUR 3.2 m</td>"#))
        #expect(html.contains(#"<a href="stages/early/index.html">Early KAM</a></th><td class="num">1</td><td class="num">EUR 500 k</td>"#))
        #expect(html.contains("2 of 2 accounts have a white-space grid."))
        #expect(html.contains(#"<th scope="row"><a href="offerings/amr/index.html">AMR</a></th><td class="num cell-ours">0</td><td class="num cell-competitor"><a href="offerings/amr/index.html#competitors">1</a></td><td class="num cell-open"><a href="offerings/amr/index.html#open">1</a></td><td class="num"><a href="offerings/amr/index.html#opportunities">2</a> <span class="muted">(EUR 3.7 m)</span></td>"#))
        #expect(html.contains(#"<a href="offerings/index.html">Offerings</a>"#))
    }

    @Test func anOfferingPageListsBuyersCompetitorsNeedsAndOpenOpportunities() throws {
        let files = try Self.build()
        let amr = try #require(files["offerings/amr/index.html"])
        #expect(amr.contains("No account buys it from us yet."))
        #expect(amr.contains("<h3>Other Robotics <span class=\"muted\">1 account</span></h3>"), "not a competitor in any dossier: no link")
        #expect(amr.contains(#"<li><a href="../../accounts/beta/index.html">Beta Foods</a>: Plant 1 <span class="muted">(Jonas Weber)</span></li>"#))
        #expect(amr.contains(#"<li><a href="../../accounts/acme/index.html">Acme Logistics</a>: Hamburg hub <span class="muted">(Mei Chen)</span></li>"#))
        #expect(amr.contains("2 open opportunities, EUR 3.7 m in all."))
        let beta = try #require(amr.range(of: "<td>Beta robots</td>"))
        let fleet = try #require(amr.range(of: "<td>OPP-HAMBURG-FLEET</td>"))
        #expect(beta.lowerBound < fleet.lowerBound, "earliest close first")
        #expect(amr.contains(#"<td>OPP-HAMBURG-FLEET</td><td><a href="../../accounts/acme/index.html">Acme Logistics</a></td><td class="num">EUR 3.2 m</td><td>propose</td><td>31 Mar 2027</td><td>Jonas Weber</td>"#))
        let asrs = try #require(files["offerings/as-rs/index.html"])
        #expect(asrs.contains(#"<h3><a href="../../competitors/kessler-systems/index.html">Kessler Systems</a> <span class="muted">1 account</span></h3>"#))
        let wms = try #require(files["offerings/wms/index.html"])
        #expect(wms.contains(#"<tr><td><a href="../../accounts/acme/index.html">Acme Logistics</a></td><td class="stage-mid">Mid KAM</td><td>Mei Chen</td><td>Hamburg hub</td></tr>"#))
        #expect(wms.contains("No open opportunity for it."), "a won opportunity is not open")
        #expect(files["offerings/service/index.html"] != nil)
        let directory = try #require(files["offerings/index.html"])
        #expect(directory.contains(#"<a href="../offerings/as-rs/index.html">AS/RS</a>"#))
    }

    @Test func withoutOfferingsThereAreNoOfferingPagesButThePipelineStays() throws {
        let files = try Self.build(settings: "currency: EUR\nexchange_rates: {USD: 0.5}\n")
        #expect(files.keys.filter { $0.hasPrefix("offerings/") }.isEmpty)
        let html = try #require(files["index.html"])
        #expect(!html.contains("offerings/index.html"))
        #expect(!html.contains("White space"))
        #expect(html.contains(#"<th scope="row">Open in all</th><td class="num">2</td><td class="num">EUR 3.7 m</td>"#))
    }

    @Test func anOwnersPageListsItemsDueInFourteenDaysAndOverdueOnesApart() throws {
        let html = try #require(try Self.build()["owners/jonas-weber/index.html"])
        let overdue = try #require(html.range(of: "<h3>Overdue</h3>"))
        let due = try #require(html.range(of: "<h3>Due in the next 14 days</h3>"))
        let pricing = try #require(html.range(of: "Overdue pricing review"))
        let proposal = try #require(html.range(of: "Send the Hamburg proposal"))
        #expect(overdue.lowerBound < pricing.lowerBound && pricing.lowerBound < due.lowerBound && due.lowerBound < proposal.lowerBound)
        #expect(html.contains(#"<li><strong>10 Dec 2026</strong> (in 14 days) Send the Hamburg proposal <span class="muted">plan item</span> · <a href="../../accounts/acme/index.html">Acme Logistics</a></li>"#))
        #expect(!html.contains("Book the site visit"), "due in 15 days")
        let mei = try #require(try Self.build()["owners/mei-chen/index.html"])
        #expect(mei.contains("Nothing due in the next 14 days."))
    }

    @Test func theSearchIndexHasThePlansTextsButNoPrivatePart() throws {
        let texts = ["WIN-CALMER-NIGHTS", "GOAL-WALLET-SHARE", "PROPOSITION-FEWER-ERRORS", "METRIC-PICKING-ERRORS", "OPP-HAMBURG-FLEET",
                     "Hamburg hub", "ASK-SIGNED-SCOPE", "FALLBACK-WORKSHOP", "INTEREST-PROOF-FIRST", "OPTION-PHASED-SCOPE", "Send the Hamburg proposal"]
        let company = try Self.build()
        let search = try SearchData(company)
        for text in texts { #expect(!search.names(for: text).isEmpty, "search does not find \(text)") }
        #expect(company.filter { $0.value.contains("CANARY") }.isEmpty, "private parts leaked into \(company.filter { $0.value.contains("CANARY") }.keys.sorted())")
        // The search data holds folded terms: "canary", never in a company build.
        #expect(!search.terms.contains("canary"))
        let team = try SearchData(try Self.build(audience: "team"))
        #expect(!team.names(for: "CANARY-WALK-AWAY").isEmpty, "the team's index has the private notes")
    }
}
