import Testing
@testable import DossierKit

@Suite struct AccountFiguresTests {
    @Test func derivesTheContractExamplesFigures() throws {
        let (_, figures, _) = TestSupport.process(try TestSupport.contractExample(), slug: "nordwind-logistik")
        let value = try #require(figures)
        #expect(value.onTime.map(\.promise) == ["Deliver the WMS integration pilot in Leipzig"])
        #expect(value.deliveredLate.map(\.promise) == ["Quarterly business review pack"])
        #expect(value.overdue.map(\.promise) == ["Energy-use report for the Hamburg hub"])
        #expect(value.onTimeRate == 1.0 / 3.0)
        #expect(value.shareOfWallet == 6_100_000.0 / 42_000_000.0)
        #expect(value.revenueGrowth == [2025: (1_840_000_000.0 - 1_720_000_000.0) / 1_720_000_000.0])
        #expect(value.missingResearch.isEmpty)
        #expect(value.completeness == 1)
        #expect(value.daysSinceReview == 45)
        #expect(!value.isStale)
        #expect(value.daysInStage == 635)
        #expect(value.daysUntilMeeting == 7)
        #expect(value.overdueMilestones.isEmpty)
    }

    @Test func aThinDossierIsStaleAndMissesResearch() throws {
        let (_, figures, _) = TestSupport.process("---\nname: A\nowner: B\nstage: pre\nreviewed: 2026-05-01\nplan:\n  - {milestone: Meet, due: 2026-06-01}\n---\n")
        let value = try #require(figures)
        #expect(value.isStale)
        #expect(value.missingResearch == ResearchArea.allCases)
        #expect(value.completeness == 0)
        #expect(value.onTimeRate == nil)
        #expect(value.overdueMilestones.map(\.milestone) == ["Meet"])
    }
}
