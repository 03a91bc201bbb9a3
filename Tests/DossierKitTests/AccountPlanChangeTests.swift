import Testing
@testable import DossierKit

/// The change report over the account plan's fields (issue 10).
@Suite struct AccountPlanChangeTests {
    static let before = """
        ---
        name: Acme
        owner: Mei Chen
        stage: mid
        stakeholders:
          - {name: Anna Roth, influence: medium, our_contact: Mei Chen}
          - {name: Karl Fink, influence: high, our_contact: Jonas Weber}
        commitments:
          - {promise: Baseline data, by: customer, due: 2026-10-15}
          - {promise: Pilot report, due: 2026-10-01}
        objectives:
          - {goal: Wallet, measure: share_of_wallet, target: 20%, by: 2027-12-31}
          - {goal: Old goal}
        plan:
          - {milestone: Proposal, owner: Mei Chen, due: 2026-12-20, objective: 1}
        value:
          proposition: Fewer errors
          outcomes:
            - {metric: picking errors, baseline: 0.9%, target: 0.7%, actual: 0.8%}
        opportunities:
          - {name: Hamburg fleet, offering: AMR, value: 3000000, stage: qualify}
          - {name: Old deal, value: 100000, stage: qualify}
        whitespace:
          - {centre: Hamburg hub, ours: [WMS], open: [AMR]}
        economics:
          years:
            - {year: 2025, our_revenue: 6000000, gross_margin: 30%}
        governance:
          sponsors:
            - {ours: Eva Brandt, theirs: Anna Roth, last_met: 2026-06-12}
          review_every_months: 3
          last_review: 2026-06-30
        stage_evidence: {supplier_status: preferred, functions: [operations, IT]}
        ---
        """

    static let after = """
        ---
        name: Acme
        owner: Mei Chen
        stage: mid
        stakeholders:
          - {name: Anna Roth, influence: high, reports_to: Karl Fink, our_contact: Jonas Weber}
          - {name: Karl Fink, influence: high}
        commitments:
          - {promise: Baseline data, by: customer, due: 2026-11-01, original_due: 2026-10-15, done: 2026-10-30}
          - {promise: Pilot report, due: 2026-10-01}
          - {promise: Site access, by: customer}
        objectives:
          - {goal: Wallet, measure: share_of_wallet, target: 25%, by: 2028-06-30}
          - {goal: Partnership, measure: stage, target: partnership}
        plan:
          - {milestone: Proposal, owner: Jonas Weber, due: 2027-01-15, objective: 1}
        value:
          proposition: Fewer errors at a lower cost per pallet
          outcomes:
            - {metric: picking errors, baseline: 0.9%, target: 0.7%, actual: 0.74%}
            - {metric: pallets per hour, baseline: 110, target: 130}
        opportunities:
          - {name: Hamburg fleet, offering: AMR, value: 3200000, stage: propose}
          - {name: Vienna WMS, offering: WMS, value: 1400000, stage: qualify}
        whitespace:
          - {centre: Hamburg hub, ours: [WMS, AMR], competitors: {AS/RS: Kessler Systems}}
          - {centre: Vienna hub, open: [WMS]}
        economics:
          feasibility: {verdict: go}
          years:
            - {year: 2025, our_revenue: 6100000, gross_margin: 31%}
            - {year: 2026, gross_margin: 29%}
        governance:
          sponsors:
            - {ours: Eva Brandt, theirs: Anna Roth, last_met: 2026-11-02}
            - {ours: Henrik Lund, theirs: Karl Fink}
          review_every_months: 6
          last_review: 2026-09-30
        stage_evidence: {supplier_status: sole, functions: [operations, IT, procurement], shares: [plans], joint_plan: true}
        ---
        """

    private func dossier(_ text: String) throws -> Dossier {
        let (dossier, _, diagnostics) = TestSupport.process(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return try #require(dossier)
    }

    @Test func theChangeReportCoversTheAccountPlan() throws {
        let changes = ChangeDetector.changes(from: try dossier(Self.before), to: try dossier(Self.after))
        #expect(changes.map { $0.text(in: .english) } == [
            "Anna Roth's influence is now high",
            "Anna Roth now reports to Karl Fink",
            "Anna Roth is now covered by Jonas Weber",
            "nobody on our side is named for Karl Fink any more",
            "the customer delivered: Baseline data",
            "due date of Baseline data moved to 1 Nov 2026",
            "the customer promised: Site access",
            "owner of Proposal is now Jonas Weber",
            "due date of Proposal moved to 15 Jan 2027",
            "target of Wallet is now 25%",
            "Wallet is now due by 30 Jun 2028",
            "objective added: Partnership",
            "objective removed: Old goal",
            "value proposition now: Fewer errors at a lower cost per pallet",
            "picking errors: actual changed 0.8% → 0.74%",
            "value measure added: pallets per hour",
            "Hamburg fleet moved from qualify to propose",
            "Hamburg fleet's value changed 3 m → 3.2 m",
            "opportunity added: Vienna WMS",
            "opportunity removed: Old deal",
            "Hamburg hub, AMR: open → ours",
            "Hamburg hub, AS/RS: unknown → Kessler Systems",
            "buying centre added: Vienna hub",
            "feasibility verdict: go",
            "our revenue 2025 changed 6 m → 6.1 m",
            "gross margin 2025 changed 30% → 31%",
            "gross margin 2026 changed none → 29%",
            "sponsors Eva Brandt and Anna Roth met on 2 Nov 2026",
            "sponsor pair added: Henrik Lund and Karl Fink",
            "account review now every 6 months",
            "account review held on 30 Sep 2026",
            "supplier status now: sole supplier",
            "joint business plan agreed",
            "the evidence now suggests Partnership KAM",
        ])
        let chinese = changes.map { $0.text(in: .builtin("zh")) }
        #expect(chinese.contains("Hamburg fleet 由资格确认进入提案"))
        #expect(chinese.contains("新增高层赞助人配对：Henrik Lund 与 Karl Fink"))
        #expect(chinese.contains("picking errors：实际值由 0.8% 变为 0.74%"))
    }

    @Test func aRemovedSponsorPairAndAnOutcomeNumberAreReported() throws {
        let old = try dossier(Self.after)
        var new = old
        new.governance?.sponsors.removeLast()
        new.value?.outcomes[1].actual = MetricValue(number: 127, isPercent: false)
        #expect(ChangeDetector.changes(from: old, to: new).map { $0.text(in: .english) } == [
            "pallets per hour: actual changed none → 127",
            "sponsor pair removed: Henrik Lund and Karl Fink",
        ])
    }

    @Test func ourOwnCommitmentsAreReportedAsBefore() throws {
        let old = try dossier(Self.before)
        var new = old
        new.commitments[1].done = Day(year: 2026, month: 10, day: 3)
        #expect(ChangeDetector.changes(from: old, to: new).map { $0.text(in: .english) } == [
            "commitment delivered: Pilot report (2 days late)",
        ])
    }
}
