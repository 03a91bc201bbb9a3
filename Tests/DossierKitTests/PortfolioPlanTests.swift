import Foundation
import Testing
@testable import DossierKit

/// The account plans summed over the portfolio: pipeline by stage, white space per offering, our revenue by year.
@Suite struct PortfolioPlanTests {
    /// The account of one inline dossier, analysed with `config`.
    static func account(_ text: String, slug: String, config: SiteConfig = SiteConfig()) throws -> Account {
        let (analyzed, diagnostics) = TestSupport.analyze(text, slug: slug, config: config)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
        return Account(try #require(analyzed), body: RenderedMarkdown(html: "", talkingPointsHTML: nil))
    }

    static var config: SiteConfig {
        var config = SiteConfig()
        config.exchangeRates = ["USD": 0.5]
        config.offerings = ["WMS", "AMR", "Service"]
        return config
    }

    static let alpha = """
        ---
        name: Alpha
        owner: Mei Chen
        stage: mid
        opportunities:
          - {name: A1, offering: WMS, value: 100, stage: qualify, close: 2027-06-30}
          - {name: A2, offering: AMR, value: 200, stage: propose, close: 2027-03-31}
          - {name: A3, offering: WMS, value: 50, stage: won}
          - {name: A4, value: 30, stage: lost}
          - {name: A5, offering: WMS, value: 10}
        whitespace:
          - centre: North
            ours: [WMS]
            competitors: {AMR: Kessler Systems}
          - centre: South
            ours: [WMS]
            open: [AMR]
        economics:
          years:
            - {year: 2024, our_revenue: 50}
            - {year: 2025, our_revenue: 100, gross_margin: 30%}
        ---
        """

    static let beta = """
        ---
        name: Beta
        owner: Jonas Weber
        stage: early
        financials: {currency: USD}
        opportunities:
          - {name: B1, offering: WMS, value: 1000, stage: propose, close: 2027-01-31}
          - {name: B2, offering: AMR, stage: negotiate}
        whitespace:
          - centre: Plant
            competitors: {WMS: Kessler Systems, AMR: Other Robotics}
        economics:
          years:
            - {year: 2025, our_revenue: 300, gross_margin: 10%}
        ---
        """

    static let gamma = """
        ---
        name: Gamma
        owner: Jonas Weber
        stage: mid
        financials: {currency: JPY}
        opportunities:
          - {name: G1, offering: WMS, value: 999, stage: qualify}
        whitespace:
          - centre: Depot
            competitors: {WMS: KESSLER  systems}
        ---
        """

    static func plan() throws -> PortfolioPlan {
        let config = Self.config
        let accounts = try [account(gamma, slug: "gamma", config: config), account(beta, slug: "beta", config: config),
                            account(alpha, slug: "alpha", config: config)]
        return PortfolioPlan(accounts, config: config)
    }

    @Test func thePipelineSumsEachOpportunityStageInTheSiteCurrency() throws {
        let plan = try Self.plan()
        let sums = Dictionary(uniqueKeysWithValues: plan.bySalesStage.map { ($0.stage, $0.sum) })
        #expect(plan.bySalesStage.map(\.stage) == [.qualify, .propose, .negotiate, .won, .lost])
        // Gamma's 999 JPY has no exchange rate: counted, but not summed.
        #expect(sums[.qualify] == PortfolioPlan.Sum(count: 2, value: 100))
        #expect(sums[.propose] == PortfolioPlan.Sum(count: 2, value: 200 + 500))
        #expect(sums[.negotiate] == PortfolioPlan.Sum(count: 1, value: 0))
        #expect(sums[.won] == PortfolioPlan.Sum(count: 1, value: 50))
        #expect(sums[.lost] == PortfolioPlan.Sum(count: 1, value: 30))
        #expect(plan.withoutSalesStage == PortfolioPlan.Sum(count: 1, value: 10))
        // Open: qualify, propose, negotiate and the one without a stage; won and lost stay out.
        #expect(plan.openTotal == PortfolioPlan.Sum(count: 6, value: 810))
        #expect(plan.unconverted == ["JPY"])
    }

    @Test func theOpenPipelineIsSummedByTheAccountsRelationshipStage() throws {
        let plan = try Self.plan()
        let sums = Dictionary(uniqueKeysWithValues: plan.openByStage.map { ($0.stage, $0.sum) })
        #expect(plan.openByStage.map(\.stage) == Stage.allCases)
        #expect(sums[.mid] == PortfolioPlan.Sum(count: 4, value: 100 + 200 + 10))
        #expect(sums[.early] == PortfolioPlan.Sum(count: 2, value: 500))
        #expect(sums[.partnership] == PortfolioPlan.Sum())
    }

    @Test func whiteSpaceCountsEachAccountOncePerColumnInTheOfferingsOrder() throws {
        let plan = try Self.plan()
        #expect(plan.offerings.map(\.offering) == ["WMS", "AMR", "Service"])
        #expect(plan.accountCount == 3)
        #expect(plan.accountsWithWhitespace == 3)
        let wms = plan.offerings[0]
        #expect(wms.ours.map(\.account.dossier.name) == ["Alpha"])
        #expect(wms.ours.first?.centres == ["North", "South"])
        // Two spellings of one competitor are one supplier, named as first written (accounts by name).
        #expect(wms.suppliers.map(\.name) == ["Kessler Systems"])
        #expect(wms.suppliers.first?.placements.map(\.account.dossier.name) == ["Beta", "Gamma"])
        #expect(wms.competitorAccountCount == 2)
        #expect(wms.open.isEmpty)
        let amr = plan.offerings[1]
        #expect(amr.ours.isEmpty)
        #expect(amr.suppliers.map(\.name) == ["Kessler Systems", "Other Robotics"])
        #expect(amr.competitorAccountCount == 2)
        #expect(amr.open.map(\.account.dossier.name) == ["Alpha"])
        #expect(amr.open.first?.centres == ["South"])
        let service = plan.offerings[2]
        #expect(service.ours.isEmpty && service.suppliers.isEmpty && service.open.isEmpty && service.opportunities.isEmpty)
    }

    @Test func anOfferingsOpenOpportunitiesAreByCloseThenValue() throws {
        let wms = try Self.plan().offerings[0]
        // B1 closes first; A1 next; A5 and G1 have no close: larger value first (G1 has no rate, so no value).
        #expect(wms.opportunities.map(\.opportunity.name) == ["B1", "A1", "A5", "G1"])
        #expect(wms.opportunities.map(\.value) == [500, 100, 10, nil])
        #expect(wms.openPipeline == PortfolioPlan.Sum(count: 4, value: 610))
    }

    @Test func ourRevenueIsSummedByYearAndTheMarginWeightedByRevenue() throws {
        let plan = try Self.plan()
        #expect(plan.years.map(\.year) == [2024, 2025])
        #expect(plan.years[0].revenue == 50 && plan.years[0].accounts == 1 && plan.years[0].grossMargin == nil)
        #expect(plan.years[1].revenue == 250 && plan.years[1].accounts == 2)
        // (100 × 30% + 150 × 10%) / 250
        #expect(abs((plan.years[1].grossMargin ?? 0) - 0.18) < 1e-12)
    }

    @Test func withoutOfferingsThereIsNoWhiteSpace() throws {
        let accounts = try [Self.account(Self.alpha, slug: "alpha")]
        let plan = PortfolioPlan(accounts, config: SiteConfig())
        #expect(plan.offerings.isEmpty)
        #expect(plan.openTotal == PortfolioPlan.Sum(count: 3, value: 310), "A1, A2 and A5, which has no stage")
    }
}

/// What an owner's page lists: plan items and promises overdue or due in the next 14 days.
@Suite struct AgendaTests {
    static let dossier = """
        ---
        name: Acme
        owner: Mei Chen
        team: [Jonas Weber]
        stage: mid
        plan:
          - {milestone: Due today, owner: Jonas Weber, due: 2026-11-26}
          - {milestone: Due in 14 days, owner: jonas  weber, due: 2026-12-10}
          - {milestone: Due in 15 days, owner: Jonas Weber, due: 2026-12-11}
          - {milestone: Overdue, owner: Jonas Weber, due: 2026-11-25}
          - {milestone: Overdue but done, owner: Jonas Weber, due: 2026-11-20, done: 2026-11-24}
          - {milestone: Without an owner, due: 2026-12-01}
          - {milestone: Without a due day, owner: Jonas Weber}
        commitments:
          - {promise: Our report, owner: Jonas Weber, due: 2026-11-29}
          - {promise: Unowned promise, due: 2026-12-05}
          - {promise: Moved but missed, owner: Jonas Weber, due: 2026-12-20, original_due: 2026-11-10}
          - {promise: Their data, by: customer, owner: Anna Roth, due: 2026-11-20}
        ---
        """

    @Test func listsItemsDueFromTodayToFourteenDaysAheadAndOverdueOnesFirst() throws {
        let dossier = try #require(TestSupport.process(Self.dossier).0)
        let agenda = dossier.agenda(of: "Jonas Weber", asOf: TestSupport.asOf)
        #expect(agenda.map(\.text) == ["Moved but missed", "Overdue", "Due today", "Our report", "Due in 14 days"])
        #expect(agenda.map(\.isOverdue) == [true, true, false, false, false])
        #expect(agenda.map(\.kind) == [.ourCommitment, .planItem, .planItem, .ourCommitment, .planItem])
        #expect(agenda.first?.due == Day(year: 2026, month: 11, day: 10), "an overdue promise shows the day first promised")
    }

    @Test func theAccountOwnerHasTheUnownedItemsAndTheCustomersPromises() throws {
        let dossier = try #require(TestSupport.process(Self.dossier).0)
        let agenda = dossier.agenda(of: "Mei Chen", asOf: TestSupport.asOf)
        #expect(agenda.map(\.text) == ["Their data", "Without an owner", "Unowned promise"])
        #expect(agenda.map(\.kind) == [.customerCommitment, .planItem, .ourCommitment])
        #expect(dossier.agenda(of: "Anna Roth", asOf: TestSupport.asOf).isEmpty, "the customer's people have no page")
    }
}
