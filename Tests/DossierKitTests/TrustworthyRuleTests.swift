import Foundation
import Testing
@testable import DossierKit

/// Health rules a manager trusts (issue 11): one cause raises one finding, severity means action, enough
/// evidence, who can stop the deal, stages differ, language-neutral price buyers. Each case fires and
/// stays quiet.
@Suite struct TrustworthyRuleTests {
    private func findings(_ replacements: [(String, String)], config: SiteConfig = SiteConfig()) -> [Finding] {
        var text = HealthRuleTests.healthy
        for (old, new) in replacements {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return TestSupport.analyze(text, config: config).0?.findings ?? []
    }

    private func ids(_ replacements: [(String, String)], config: SiteConfig = SiteConfig()) -> [String] {
        findings(replacements, config: config).map(\.ruleID)
    }

    private static let promises = "commitments:\n  - {promise: Report, due: 2026-10-01, done: 2026-09-30}"

    // MARK: 1. One cause, one finding

    @Test func theNordwindEnergyReportAppearsInExactlyOneFinding() throws {
        let analysis = SiteAnalysis.analyze(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf)
        let nordwind = try #require(analysis.dossiers.first { $0.dossier.slug == "nordwind-logistik" })
        let about = nordwind.findings.filter { $0.message(in: .english).contains("Energy-use report") }
        #expect(about.count == 1)
        let finding = try #require(about.first)
        #expect(finding.ruleID == "broken-promise-unremedied")
        #expect(finding.alsoRuleIDs == ["customer-testing-us", "low-on-time-rate"])
        #expect(finding.message(in: .english) == "Energy-use report for the Hamburg hub: still open past its due date, no remedy recorded "
            + "(also behind: Customer is testing us, Promises kept late)")
        #expect(finding.message(in: Strings.builtin("zh")).contains("同时导致"))
        // The pilot alone (nothing overdue) is a state, not a finding.
        #expect(!nordwind.findings.contains { $0.ruleID == "customer-testing-us" })
    }

    @Test func aRuleThatStillFiresWithoutTheClaimedPromiseKeepsItsOwnFinding() {
        // Four promises due, one kept: without the overdue one, one of three is still below 80%.
        let four = Self.promises.replacingOccurrences(of: "done: 2026-09-30}", with: "done: 2026-10-09, remedy: Sorry.}")
            + "\n  - {promise: B, due: 2026-06-01, done: 2026-06-20, remedy: Sorry.}\n  - {promise: C, due: 2026-07-01, done: 2026-07-01}"
            + "\n  - {promise: D, due: 2026-11-01}"
        let found = findings([(Self.promises, four)])
        #expect(found.map(\.ruleID).sorted() == ["broken-promise-unremedied", "low-on-time-rate"])
        #expect(found.allSatisfy { $0.alsoRuleIDs.isEmpty })
        // With only three, it would not fire without the overdue one: it folds into it.
        let three = Self.promises + "\n  - {promise: C, due: 2026-07-01, done: 2026-07-01}\n  - {promise: D, due: 2026-11-01}"
        let folded = findings([(Self.promises, three.replacingOccurrences(of: "done: 2026-09-30}", with: "done: 2026-10-09, remedy: Sorry.}"))])
        #expect(folded.map(\.ruleID) == ["broken-promise-unremedied"])
        #expect(folded.first?.alsoRuleIDs == ["low-on-time-rate"])
    }

    @Test func onePersonOneFinding() {
        let opposed = [("role: economic-buyer, stance: neutral}", "role: economic-buyer, stance: opposed, influence: high}")]
        let found = findings(opposed)
        #expect(found.map(\.ruleID) == ["opposed-stakeholder"])
        #expect(found.first?.alsoRuleIDs == ["uncovered-influencer"])
        #expect(ids([("role: economic-buyer, stance: neutral}", "role: economic-buyer, stance: neutral, influence: high}")]) == ["uncovered-influencer"])
    }

    @Test func aStageAheadOfItsEvidenceExplainsTheStageRules() {
        let thin = [("  - {name: Cem, role: user, stance: supportive}\n", ""), ("engagement: framework", "engagement: framework\nstage_evidence: {functions: [operations]}")]
        let found = findings(thin)
        #expect(found.map(\.ruleID) == ["stage-above-evidence"])
        #expect(found.first?.alsoRuleIDs == ["single-point-of-contact"])
        #expect(ids([("  - {name: Cem, role: user, stance: supportive}\n", "")]) == ["single-point-of-contact"])
    }

    // MARK: 2. Severity means action

    @Test func aPilotIsAFindingOnlyWhenItHasAProblem() {
        let fresh = [("engagement: framework", "engagement: pilot"), ("stage_since: 2026-01-10", "stage_since: 2026-08-01")]
        #expect(ids(fresh) == [])
        let long = findings([("engagement: framework", "engagement: pilot")])
        #expect(long.map { $0.message(in: .english) } == ["pilot running for 10 months (limit 6): agree the result or the next step"])
        let overdue = findings(fresh + [(Self.promises, Self.promises + "\n  - {promise: Plan, due: 2026-11-01, remedy: Sorry.}")])
        #expect(overdue.map { $0.message(in: .english) } == ["pilot: a promise of ours is overdue by 25 days"])
        #expect(overdue.first?.severity == .high)
        var config = SiteConfig()
        config.rules.overrides["customer-testing-us"] = ["months": 12]
        #expect(ids([("engagement: framework", "engagement: pilot")], config: config) == [])
    }

    @Test func aMissingBaselineCountsOnceTheAccountPlansValueExists() {
        let noBaseline = [("engagement: framework", "engagement: trial"), ("stage_since: 2026-01-10", "stage_since: 2026-08-01"),
                          ("value: {outcomes: [{metric: Errors, baseline: 0.9%, target: 0.7%}]}", "value: {outcomes: [{metric: Errors, target: 0.7%}]}")]
        #expect(ids(noBaseline) == ["pilot-without-baseline"])
        #expect(ids([noBaseline[0], noBaseline[1], ("value: {outcomes: [{metric: Errors, baseline: 0.9%, target: 0.7%}]}\n", "")]) == [])
    }

    @Test func aLateDeliveryIsABrokenPromiseWhileARemedyStillHelps() {
        let late = [(Self.promises, "commitments:\n  - {promise: Report, due: 2026-07-01, done: 2026-07-20}")]
        #expect(ids(late) == [])
        var config = SiteConfig()
        config.rules.overrides["broken-promise-unremedied"] = ["days": 200]
        #expect(ids(late, config: config) == ["broken-promise-unremedied"])
        #expect(ids([(Self.promises, "commitments:\n  - {promise: Report, due: 2026-10-01, done: 2026-10-20}")]) == ["broken-promise-unremedied"])
    }

    // MARK: 3. Enough evidence

    @Test func theOnTimeRateNeedsEnoughPromisesAndCountsTheFirstDate() {
        let two = Self.promises + "\n  - {promise: B, due: 2026-06-01, done: 2026-06-20, remedy: Sorry.}"
        #expect(ids([(Self.promises, two)]) == [])
        // Moving the date does not hide lateness: measured against original_due.
        let three = two + "\n  - {promise: C, due: 2026-09-01, original_due: 2026-07-01, done: 2026-08-15, remedy: Sorry.}"
        #expect(ids([(Self.promises, three)]) == ["low-on-time-rate"])
        let found = findings([(Self.promises, three)])
        #expect(found.first?.message(in: .english) == "only 1 of 3 promises due in the last 12 months were kept on time (33%)")
        var config = SiteConfig()
        config.rules.overrides["low-on-time-rate"] = ["min_promises": 4]
        #expect(ids([(Self.promises, three)], config: config) == [])
    }

    // MARK: 4. Who can stop the deal

    @Test(arguments: [
        ("role: user, stance: supportive}", "role: blocker, stance: opposed}", "Cem (blocker) is opposed"),
        ("role: user, stance: supportive}", "role: user, stance: opposed, influence: high, our_contact: Eva}", "Cem (high influence) is opposed"),
        ("role: economic-buyer, stance: neutral}", "role: economic-buyer, stance: opposed}", "Bob (economic-buyer) is opposed"),
    ])
    func anyoneWhoCanStopTheDealIsWatched(_ old: String, _ new: String, _ message: String) {
        #expect(findings([(old, new)]).map { $0.message(in: .english) } == [message])
    }

    @Test func anOpposedUserOfLittleWeightOrAnEndingRelationshipIsQuiet() {
        #expect(ids([("role: user, stance: supportive}", "role: user, stance: opposed, influence: medium}")]) == [])
        #expect(!ids([("stage: mid", "stage: uncoupling"), ("role: user, stance: supportive}", "role: blocker, stance: opposed}")]).contains("opposed-stakeholder"))
    }

    @Test func theOldIDsStillWorkWithAWarning() throws {
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array("""
            rules:
              opposed-decision-maker: off
              price-only-motives: off
            """.utf8)))
        #expect(diagnostics.map(\.formatted) == [
            "dossier.yml:2:3: warning: the rule 'opposed-decision-maker' was renamed to 'opposed-stakeholder'; its settings still apply, but write 'opposed-stakeholder'",
            "dossier.yml:3:3: warning: the rule 'price-only-motives' was renamed to 'price-buyer'; its settings still apply, but write 'price-buyer'",
        ])
        #expect(config.rules.disabled == ["opposed-stakeholder", "price-buyer"])
        #expect(ids([("role: economic-buyer, stance: neutral}", "role: economic-buyer, stance: opposed}")], config: config) == [])
    }

    // MARK: 5. Stages differ

    @Test(arguments: [
        ("early", "2025-04-01", true), ("early", "2025-06-01", false),
        ("mid", "2025-04-01", false), ("mid", "2023-10-01", true),
        ("partnership", "2023-10-01", false), ("partnership", "2022-10-01", true),
        ("pre", "2025-10-01", true), ("synergistic", "2015-01-01", false),
    ])
    func stuckInStageHasALimitPerStage(_ stage: String, _ since: String, _ fires: Bool) {
        let target = stage == "synergistic" ? "target: {stage: uncoupling, by: 2030-12-31}" : "target: {stage: synergistic, by: 2030-12-31}"
        let found = ids([("stage: mid", "stage: \(stage)"), ("stage_since: 2026-01-10", "stage_since: \(since)"),
                         ("target: {stage: partnership, by: 2027-12-31}", target)])
        #expect(found.contains("stuck-in-stage") == fires, "\(stage) since \(since): \(found)")
    }

    @Test func holdingAStageOnPurposeIsNotBeingStuck() {
        #expect(ids([("stage_since: 2026-01-10", "stage_since: 2020-01-10"), ("target: {stage: partnership", "target: {stage: mid")]) == [])
    }

    @Test(arguments: [("mid", "2026-08-28", false), ("mid", "2026-08-27", true), ("partnership", "2026-09-26", true),
                      ("partnership", "2026-09-27", false), ("uncoupling", "2025-01-01", false)])
    func decisionMakerContactHasDaysPerStage(_ stage: String, _ contact: String, _ fires: Bool) {
        let found = ids([("stage: mid", "stage: \(stage)"), ("last_contact: 2026-11-10", "last_contact: \(contact)")])
        #expect(found.contains("decision-maker-out-of-touch") == fires, "\(stage), \(contact): \(found)")
    }

    @Test func aProspectsDecisionMakerNotMetYetIsNotOutOfTouch() {
        #expect(!ids([("stage: mid", "stage: pre"), (", last_contact: 2026-11-10", "")]).contains("decision-maker-out-of-touch"))
        #expect(ids([("stage: mid", "stage: early"), (", last_contact: 2026-11-10", "")]).contains("decision-maker-out-of-touch"))
    }

    @Test func researchIsNotJudgedWhileUncouplingOrAsAProspectsGaps() {
        #expect(ids([("reviewed: 2026-11-01", "reviewed: 2025-01-01")]) == ["stale-research"])
        #expect(!ids([("stage: mid", "stage: uncoupling"), ("reviewed: 2026-11-01", "reviewed: 2025-01-01")]).contains("stale-research"))
        let noCompetitors = ("competitors: [{name: Rival, position: challenger}]\n", "")
        #expect(ids([noCompetitors]) == ["research-gaps"])
        #expect(!ids([noCompetitors, ("stage: mid", "stage: pre")]).contains("research-gaps"))
        // Stale research and its gaps are one cause.
        let both = findings([noCompetitors, ("reviewed: 2026-11-01", "reviewed: 2025-01-01")])
        #expect(both.map(\.ruleID) == ["stale-research"])
        #expect(both.first?.alsoRuleIDs == ["research-gaps"])
    }

    @Test func anOwnerHoldingEveryRelationshipIsSingleThreadedOnlyFromMidOn() {
        let owned = [("role: decision-maker, stance: supportive,", "role: decision-maker, stance: supportive, our_contact: Mei Chen,"),
                     ("role: economic-buyer, stance: neutral}", "role: economic-buyer, stance: neutral, our_contact: Mei Chen}")]
        #expect(ids(owned) == ["single-threaded"])
        #expect(!ids(owned + [("stage: mid", "stage: early")]).contains("single-threaded"))
    }

    // MARK: 6. Language-neutral price buyers

    @Test func aPriceBuyerIsAdviceFromTheClosedBuyingBasis() throws {
        let price = findings([("motives: [reliability, price]", "motives: [niedrigster Preis]\nbuying_basis: [price]")])
        #expect(price.map(\.ruleID) == ["price-buyer"])
        #expect(price.first?.severity == .low)
        #expect(price.first?.message(in: .english) == "buys on price alone at Mid KAM: serve efficiently, invest little")
        #expect(ids([("motives: [reliability, price]", "motives: [lowest price]")]) == [])
        #expect(ids([("motives: [reliability, price]", "buying_basis: [price, service]")]) == [])
    }

    @Test func anUnknownBuyingBasisGetsADidYouMean() {
        let text = HealthRuleTests.healthy.replacingOccurrences(of: "motives: [reliability, price]", with: "buying_basis: [prise, quality]")
        let (dossier, diagnostics) = TestSupport.analyze(text)
        #expect(dossier?.dossier.buyingBasis == [.quality])
        #expect(diagnostics.filter { $0.severity != .note }.map(\.formatted) == [
            "content/accounts/acme.md:17:16: error: unknown buying basis 'prise'; expected one of: price, quality, service, innovation, relationship, risk, sustainability; did you mean 'price'?",
        ])
    }

    @Test func aChangedBuyingBasisIsAChange() {
        var old = Dossier(slug: "a", path: "a.md", name: "A", owner: "O", stage: .early)
        var new = old
        old.buyingBasis = [.price]
        new.buyingBasis = [.price, .service]
        let changes = ChangeDetector.changes(from: old, to: new)
        #expect(changes.map { $0.text(in: .english) } == ["buying basis now: price, service"])
        #expect(changes.map { $0.text(in: Strings.builtin("zh")) } == ["采购依据更新为：价格、服务"])
    }

    @Test func theBuyingBasisSurvivesTheCacheForm() throws {
        let text = HealthRuleTests.healthy.replacingOccurrences(of: "motives: [reliability, price]", with: "buying_basis: [price, sustainability]")
        var dossier = try #require(TestSupport.analyze(text).0?.dossier)
        dossier.body = ""
        let entry = ParsedDossier.Value(dossier: dossier, body: RenderedMarkdown(html: "", talkingPointsHTML: nil))
        let back = try #require(ParsedDossier.Value(bytes: entry.bytes))
        #expect(back.dossier.buyingBasis == [.price, .sustainability])
        #expect(back.dossier == dossier)
    }
}
