import Testing
@testable import DossierKit

/// The facts derived from the account plan (issue 10): the stage the evidence suggests, objective
/// progress, the open pipeline, the next review, the latest margin, and our promises apart from the customer's.
@Suite struct AccountPlanDeriveTests {
    private static let head = "---\nname: Acme\nowner: Mei Chen\nstage: mid\n"

    /// The figures of a dossier made of `head` and `yaml`, as of the test day (2026-11-26).
    private func figures(_ yaml: String, stage: String = "mid") throws -> (Dossier, AccountFigures) {
        let text = Self.head.replacingOccurrences(of: "stage: mid", with: "stage: \(stage)") + yaml + "\n---\n"
        let (dossier, figures, diagnostics) = TestSupport.process(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return (try #require(dossier), try #require(figures))
    }

    @Test(arguments: [
        ("{functions: [operations, IT]}", Stage.pre),
        ("{supplier_status: one-of-many, functions: [a, b, c, d], shares: [costs]}", .early),
        ("{supplier_status: approved, functions: [a, b]}", .early),
        ("{supplier_status: preferred, functions: [operations]}", .early),
        ("{supplier_status: sole, functions: [Operations, operations]}", .early),
        ("{supplier_status: preferred, functions: [a, b]}", .mid),
        ("{supplier_status: preferred, functions: [a, b, c, d], shares: [forecasts, costs], joint_plan: true}", .mid),
        ("{supplier_status: sole, functions: [a, b, c]}", .mid),
        ("{supplier_status: sole, functions: [a, b, c], shares: [plans]}", .partnership),
        ("{supplier_status: partner, functions: [a, b, c], shares: [forecasts]}", .partnership),
        ("{supplier_status: partner, functions: [a, b, c, d], shares: [forecasts, roadmaps], joint_plan: false}", .partnership),
        ("{supplier_status: partner, functions: [a, b, c, d], shares: [costs], joint_plan: true}", .synergistic),
        ("{supplier_status: partner, functions: [a, b, c], shares: [costs, forecasts], joint_plan: true}", .partnership),
        ("{supplier_status: sole, functions: [a, b, c, d], shares: [roadmaps, plans], joint_plan: true}", .partnership),
    ])
    func theEvidenceSuggestsAStage(_ evidence: String, _ stage: Stage) throws {
        let (dossier, _) = try figures("stage_evidence: \(evidence)")
        #expect(dossier.suggestedStage == stage)
    }

    @Test func noEvidenceSuggestsNoStageAndUncouplingIsNeverSuggested() throws {
        let (dossier, _) = try figures("tags: [x]")
        #expect(dossier.suggestedStage == nil)
        let suggested = Set(StageEvidence.SupplierStatus.allCases.flatMap { status in
            [true, false].map { plan in
                StageEvidence(functions: ["a", "b", "c", "d", "e"], shares: StageEvidence.SharedInformation.allCases,
                              supplierStatus: status, jointPlan: plan).suggestedStage
            }
        })
        #expect(!suggested.contains(.uncoupling))
        #expect(suggested == [.early, .mid, .partnership, .synergistic])
    }

    @Test func objectivesShowTheirProgressFromTheDossiersOwnFigures() throws {
        let (_, value) = try figures("""
        financials: {wallet: {total: 40000000, ours: 6000000}}
        commitments:
          - {promise: A, due: 2026-10-01, done: 2026-09-30}
          - {promise: B, due: 2026-10-01, done: 2026-10-05}
        economics:
          years:
            - {year: 2024, our_revenue: 4000000}
            - {year: 2025, our_revenue: 5000000}
        objectives:
          - {goal: Wallet, measure: share_of_wallet, target: 30%, by: 2027-12-31}
          - {goal: Wallet soon, measure: share_of_wallet, target: 20%, by: 2027-12-31}
          - {goal: Promises, measure: on_time_rate, target: 50%}
          - {goal: Revenue, measure: our_revenue, target: 7000000, by: 2027-06-30}
          - {goal: Revenue fast, measure: our_revenue, target: 9000000, by: 2027-06-30}
          - {goal: Partnership, measure: stage, target: partnership, by: 2027-12-31}
          - {goal: Synergy now, measure: stage, target: synergistic, by: 2027-03-31}
          - {goal: Late, measure: stage, target: partnership, by: 2026-06-30}
          - {goal: Unmeasured, target: top 3}
        """)
        let progress = value.objectiveProgress
        #expect(progress.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(progress.map(\.status) == [.behind, .onTrack, .reached, .onTrack, .behind, .onTrack, .behind, .missed])
        #expect(progress.map(\.isOnTrack) == [false, true, true, true, false, true, false, false])
        #expect(progress[0].current == .fraction(0.15))
        #expect(progress[2].current == .fraction(0.5))
        #expect(progress[3].current == .amount(5_000_000))
        #expect(progress[5].current == .stage(.mid))
    }

    @Test func anObjectiveWithoutItsFigureIsUnknown() throws {
        let (_, value) = try figures("objectives:\n  - {goal: Wallet, measure: share_of_wallet, target: 25%}\n  - {goal: Revenue, measure: our_revenue}",
                                     stage: "uncoupling")
        #expect(value.objectiveProgress.map(\.status) == [.unknown, .unknown])
        #expect(value.objectiveProgress.map(\.current) == [nil, nil])
        let (_, uncoupling) = try figures("objectives: [{goal: Back, measure: stage, target: mid, by: 2030-01-01}]", stage: "uncoupling")
        #expect(uncoupling.objectiveProgress.first?.status == .behind)
    }

    @Test func theOpenPipelineAddsUpOpenOpportunitiesUnweighted() throws {
        let (dossier, _) = try figures("""
        opportunities:
          - {name: Small, value: 100000, stage: qualify}
          - {name: Won, value: 900000, stage: won}
          - {name: Big, value: 3200000, stage: propose}
          - {name: Lost, value: 50000, stage: lost}
          - {name: Unvalued, stage: negotiate}
          - {name: Unstaged, value: 200000}
        """)
        #expect(dossier.openPipelineValue == 3_500_000)
        #expect(dossier.openOpportunities.map(\.name) == ["Big", "Unstaged", "Small", "Unvalued"])
    }

    @Test func theNextReviewIsDueAfterTheRhythm() throws {
        let (dossier, _) = try figures("governance: {review_every_months: 3, last_review: 2026-09-30}")
        #expect(dossier.governance?.nextReviewDue == Day(year: 2026, month: 12, day: 30))
        #expect(Day(year: 2026, month: 11, day: 30)?.adding(months: 3) == Day(year: 2027, month: 2, day: 28))
        #expect(Day(year: 2026, month: 1, day: 31)?.adding(months: -2) == Day(year: 2025, month: 11, day: 30))
        #expect(Day(year: 2026, month: 5, day: 15)?.adding(months: 12) == Day(year: 2027, month: 5, day: 15))
        #expect(Governance(lastReview: Day(year: 2026, month: 1, day: 1)).nextReviewDue == nil)
    }

    @Test func theLatestGrossMarginIsTheLatestYearGivingOne() throws {
        let (dossier, _) = try figures("""
        economics:
          years:
            - {year: 2026, our_revenue: 7000000}
            - {year: 2024, gross_margin: 28%}
            - {year: 2025, gross_margin: 0.31}
        """)
        #expect(dossier.economics?.latestGrossMargin?.year == 2025)
        #expect(dossier.economics?.latestGrossMargin?.margin == 0.31)
        #expect(dossier.economics?.latestOurRevenue?.amount == 7_000_000)
        #expect(Economics().latestGrossMargin == nil)
    }

    @Test func theCustomersPromisesStayOutOfOurOnTimeRate() throws {
        let (dossier, value) = try figures("""
        commitments:
          - {promise: Ours kept, due: 2026-10-01, done: 2026-10-01}
          - {promise: Ours moved, due: 2026-10-20, original_due: 2026-10-10, done: 2026-10-15}
          - {promise: Theirs late, by: customer, due: 2026-10-01, done: 2026-10-20}
          - {promise: Theirs overdue, by: customer, due: 2026-12-01, original_due: 2026-11-01}
          - {promise: Theirs open, by: customer, due: 2026-12-01}
          - {promise: Ours open, due: 2026-12-24}
        """)
        #expect(dossier.ourCommitments.map(\.promise) == ["Ours kept", "Ours moved", "Ours open"])
        #expect(dossier.customerCommitments.map(\.promise) == ["Theirs late", "Theirs overdue", "Theirs open"])
        #expect(value.onTime.map(\.promise) == ["Ours kept"])
        #expect(value.deliveredLate.map(\.promise) == ["Ours moved"])
        #expect(value.open.map(\.promise) == ["Ours open"])
        #expect(value.overdue.isEmpty)
        #expect(value.onTimeRate == 0.5)
        #expect(value.customerOverdue.map(\.promise) == ["Theirs overdue"])
    }

    @Test func aPromiseIsMeasuredAgainstTheDayFirstPromised() {
        let asOf = TestSupport.asOf
        func day(_ month: Int, _ day: Int) -> Day? { Day(year: 2026, month: month, day: day) }
        var moved = Commitment(promise: "X", due: day(12, 20), line: 1)
        #expect(moved.status(asOf: asOf) == .open)
        moved.originalDue = day(11, 1)
        #expect(moved.status(asOf: asOf) == .overdue)
        moved.done = day(11, 2)
        #expect(moved.status(asOf: asOf) == .late)
        moved.done = day(11, 1)
        #expect(moved.status(asOf: asOf) == .kept)
        #expect(Commitment(promise: "Y", done: day(1, 1), line: 1).status(asOf: asOf) == .kept)
    }
}
