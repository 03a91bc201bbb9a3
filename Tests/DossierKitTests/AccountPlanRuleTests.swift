import Foundation
import Testing
@testable import DossierKit

/// The health rules over the account plan (issue 10): each fires on what it looks for and stays quiet
/// otherwise, is configurable, and `check --format json` names it in `rule`.
@Suite struct AccountPlanRuleTests {
    /// A dossier no rule fires on, as of 2026-11-26, with the account plan filled in.
    static let healthy = """
        ---
        name: Healthy AG
        owner: Mei Chen
        stage: mid
        stage_since: 2026-01-10
        target: {stage: partnership, by: 2027-12-31}
        reviewed: 2026-11-01
        segments: [{name: Retail, share: 0.5, trend: stable}]
        financials: {years: [{year: 2025, revenue: 1000000}]}
        strategy: {summary: Grow.}
        competitors: [{name: Rival, position: challenger}]
        external_factors: [{kind: legal, summary: New law., impact: mixed}]
        stakeholders:
          - {name: Ann, role: decision-maker, stance: supportive, influence: high, our_contact: Jonas Weber, last_contact: 2026-11-10}
          - {name: Bob, role: economic-buyer, stance: neutral, influence: medium, reports_to: Ann, our_contact: Mei Chen}
          - {name: Cem, role: user, stance: supportive, influence: low, our_contact: Jonas Weber}
        motives: [reliability, price]
        engagement: framework
        commitments:
          - {promise: Report, due: 2026-10-01, done: 2026-09-30}
          - {promise: Data, by: customer, due: 2026-12-15}
        plan:
          - {milestone: Review, owner: Mei Chen, due: 2027-02-01}
        value:
          outcomes:
            - {metric: errors, baseline: 0.9%, target: 0.7%}
        economics:
          years:
            - {year: 2025, our_revenue: 600000, gross_margin: 22%}
        governance:
          sponsors: [{ours: Eva, theirs: Ann, last_met: 2026-06-12}]
          review_every_months: 3
          last_review: 2026-09-30
        stage_evidence: {supplier_status: preferred, functions: [operations, procurement]}
        ---

        """

    private func findings(_ text: String, config: SiteConfig = SiteConfig()) -> [Finding] {
        let (analyzed, diagnostics) = TestSupport.analyze(text, config: config)
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics.map(\.formatted))")
        return analyzed?.findings ?? []
    }

    private func replacing(_ replacements: [(String, String)]) -> String {
        var text = Self.healthy
        for (old, new) in replacements {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test func noRuleFiresOnAHealthyPlan() {
        #expect(findings(Self.healthy).map { $0.message(in: .english) } == [])
    }

    @Test(arguments: [
        ("uncovered-influencer", [("influence: high, our_contact: Jonas Weber, ", "influence: high, ")],
         "Ann has high influence but nobody on our side holds the relationship", 14),
        ("single-threaded", [("our_contact: Jonas Weber", "our_contact: Mei Chen")], "all 3 stakeholders are covered by Mei Chen alone", 13),
        ("no-sponsor", [("stage: mid\n", "stage: partnership\n"), ("sponsors: [{ours: Eva, theirs: Ann, last_met: 2026-06-12}]", "sponsors: [{ours: Eva}]"),
                        ("target: {stage: partnership", "target: {stage: synergistic"), ("supplier_status: preferred, functions: [operations, procurement]", "supplier_status: sole, functions: [a, b, c], shares: [plans]")],
         "Partnership KAM without a sponsor pair", 30),
        ("review-overdue", [("last_review: 2026-09-30", "last_review: 2026-08-20")], "account review was due on 20 Nov 2026 (last review 20 Aug 2026)", 30),
        ("pilot-without-baseline", [("engagement: framework", "engagement: pilot"), ("baseline: 0.9%, ", ""), ("stage_since: 2026-01-10", "stage_since: 2026-09-10")],
         "pilot: no value outcome has both a baseline and a target", 24),
        ("no-feasibility-verdict", [("stage: mid\n", "stage: pre\n"), ("stage_since: 2026-01-10", "stage_since: 2026-03-01"),
                                    ("stage_evidence: {supplier_status: preferred, functions: [operations, procurement]}\n", "")],
         "8 months at the pre stage without a feasibility verdict (limit 6 months)", 5),
        ("margin-below-floor", [("gross_margin: 22%", "gross_margin: 14.5%")], "gross margin 14.5% in 2025, below the floor of 15%", 27),
        ("stage-above-evidence", [("functions: [operations, procurement]", "functions: [operations]")],
         "declared Mid KAM, but the evidence suggests Early KAM", 34),
        ("plan-item-overdue", [("due: 2027-02-01", "due: 2026-11-01")], "plan item overdue: Review (due 1 Nov 2026, Mei Chen)", 23),
        ("customer-commitment-overdue", [("by: customer, due: 2026-12-15", "by: customer, due: 2026-12-15, original_due: 2026-11-15")],
         "the customer's promise is overdue: Data (due 15 Nov 2026)", 21),
    ] as [(String, [(String, String)], String, Int)])
    func eachRuleFiresOnWhatItLooksFor(_ id: String, _ replacements: [(String, String)], _ message: String, _ line: Int) throws {
        // A pilot older than six months would have customer-testing-us's finding besides.
        let found = findings(replacing(replacements)).filter { $0.ruleID != "customer-testing-us" }
        #expect(found.map(\.ruleID) == [id])
        let finding = try #require(found.first)
        #expect(finding.message(in: .english) == message)
        #expect(finding.line == line)
        #expect(!finding.message(in: Strings.builtin("zh")).isEmpty)
    }

    @Test func theNewRulesHaveTheirSeveritiesAndParameters() throws {
        let severities = Dictionary(uniqueKeysWithValues: HealthRules.all.map { ($0.id, $0.severity) })
        #expect(severities["customer-commitment-overdue"] == .medium)
        #expect(try #require(HealthRules.rule(withID: "no-feasibility-verdict")).parameters == ["months": 6])
        #expect(try #require(HealthRules.rule(withID: "margin-below-floor")).parameters == ["min": 15])
    }

    @Test func rulesStayQuietWhereTheyDoNotApply() {
        // An influencer of medium influence without our contact; two stakeholders only, both the owner's.
        #expect(findings(replacing([("influence: medium, reports_to: Ann, our_contact: Mei Chen", "influence: medium, reports_to: Ann")])).isEmpty)
        let two = replacing([("  - {name: Cem, role: user, stance: supportive, influence: low, our_contact: Jonas Weber}\n", ""), ("our_contact: Jonas Weber", "our_contact: Mei Chen")])
        #expect(!findings(two).map(\.ruleID).contains("single-threaded"))
        // Without any contact data, single-threaded stays quiet and single-point-of-contact judges by count.
        let noContacts = replacing([("our_contact: Jonas Weber, ", ""), (", our_contact: Mei Chen", ""),
                                    ("  - {name: Cem, role: user, stance: supportive, influence: low, our_contact: Jonas Weber}\n", ""),
                                    ("influence: high, ", "")])
        #expect(findings(noContacts).map(\.ruleID) == ["single-point-of-contact"])
        #expect(findings(two).map(\.ruleID).isEmpty)
        // A pilot with a measurable outcome; a review due today; a margin exactly on the floor.
        #expect(findings(replacing([("engagement: framework", "engagement: trial")])).map(\.ruleID) == ["customer-testing-us"])
        #expect(findings(replacing([("last_review: 2026-09-30", "last_review: 2026-08-26")])).isEmpty)
        #expect(findings(replacing([("gross_margin: 22%", "gross_margin: 15%")])).isEmpty)
        // A prospect with a verdict, or not yet six months at pre.
        let pre = [("stage: mid\n", "stage: pre\n"), ("stage_evidence: {supplier_status: preferred, functions: [operations, procurement]}\n", "")]
        #expect(findings(replacing(pre + [("economics:\n", "economics:\n  feasibility: {verdict: hold}\n")])).isEmpty)
        #expect(findings(replacing(pre + [("stage_since: 2026-01-10", "stage_since: 2026-06-01")])).isEmpty)
        // A stage below the evidence; a done plan item; a customer promise delivered late.
        #expect(findings(replacing([("stage: mid\n", "stage: early\n"), ("target: {stage: partnership", "target: {stage: mid")])).isEmpty)
        #expect(findings(replacing([("due: 2027-02-01", "due: 2026-11-01, done: 2026-11-02")])).isEmpty)
        #expect(findings(replacing([("by: customer, due: 2026-12-15", "by: customer, due: 2026-11-01, done: 2026-11-20")])).isEmpty)
        // A sponsor pair at partnership.
        let partnership = [("stage: mid\n", "stage: partnership\n"), ("target: {stage: partnership", "target: {stage: synergistic"),
                           ("supplier_status: preferred, functions: [operations, procurement]", "supplier_status: sole, functions: [a, b, c], shares: [plans]")]
        #expect(findings(replacing(partnership)).isEmpty)
    }

    @Test func theCustomersOverduePromiseIsNotOurBrokenPromise() {
        let ids = findings(replacing([("by: customer, due: 2026-12-15", "by: customer, due: 2026-10-15")])).map(\.ruleID)
        #expect(ids == ["customer-commitment-overdue"])
    }

    @Test func planOverdueKeepsTheTargetDateOnly() {
        let late = replacing([("target: {stage: partnership, by: 2027-12-31}", "target: {stage: partnership, by: 2026-10-31}"),
                              ("due: 2027-02-01", "due: 2026-11-01")])
        #expect(findings(late).map { "\($0.ruleID): \($0.message(in: .english))" } == [
            "plan-overdue: target date 31 Oct 2026 for Partnership KAM has passed",
            "plan-item-overdue: plan item overdue: Review (due 1 Nov 2026, Mei Chen)",
        ])
    }

    @Test func theNewRulesAreConfigurable() throws {
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array("""
            rules:
              margin-below-floor: {min: 25}
              no-feasibility-verdict: {months: 12}
              plan-item-overdue: off
              single-threaded: {min_stakeholders: 4}
            """.utf8)))
        #expect(diagnostics.isEmpty)
        #expect(findings(Self.healthy, config: config).map { $0.message(in: .english) } == ["gross margin 22% in 2025, below the floor of 25%"])
        #expect(findings(replacing([("due: 2027-02-01", "due: 2026-11-01")]), config: config).map(\.ruleID) == ["margin-below-floor"])
        let pre = replacing([("stage: mid\n", "stage: pre\n"), ("stage_since: 2026-01-10", "stage_since: 2026-03-01"),
                             ("stage_evidence: {supplier_status: preferred, functions: [operations, procurement]}\n", ""),
                             ("gross_margin: 22%", "gross_margin: 30%")])
        #expect(findings(pre, config: config).isEmpty)
        #expect(findings(replacing([("our_contact: Jonas Weber", "our_contact: Mei Chen")]), config: config).map(\.ruleID) == ["margin-below-floor"])
    }

    @Test func checkAsJSONNamesTheRuleOfEachFinding() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": replacing([("gross_margin: 22%", "gross_margin: 10%"), ("influence: high, our_contact: Jonas Weber, ", "influence: high, ")]),
            "content/accounts/beta.md": "---\nname: Beta\nowner: Mei\nstage: pre\nfoo: 1\n---\n",
        ], under: site)
        let (output, _) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf).check(format: .json)
        struct Document: Decodable {
            struct Entry: Decodable { let file: String, line: Int, severity: String, message: String, rule: String?, kind: String? }
            let diagnostics: [Entry]
        }
        let entries = try JSONDecoder().decode(Document.self, from: Data(output.utf8)).diagnostics
        let acme = entries.filter { $0.file == "content/accounts/acme.md" }
        #expect(acme.map(\.rule) == ["uncovered-influencer", "new-decision-maker-contact", "margin-below-floor"])
        #expect(acme.allSatisfy { $0.severity == "note" })
        #expect(acme.map(\.kind) == ["finding", "signal", "finding"])
        #expect(acme.last?.message == "gross margin 10% in 2025, below the floor of 15% [margin-below-floor]")
        let warning = try #require(entries.first { $0.severity == "warning" })
        #expect(warning.rule == nil)
        #expect(!output.contains("\"rule\" : null"))
        let (text, _) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf).check(format: .text)
        #expect(text.contains("content/accounts/acme.md:27:1: note: gross margin 10% in 2025, below the floor of 15% [margin-below-floor]\n"))
    }
}
