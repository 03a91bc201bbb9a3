import Testing
@testable import DossierKit

/// The account plan's fields (issue 10): the whole contract decodes, and every wrong type, word and
/// reference gets a positioned diagnostic.
@Suite struct AccountPlanDecoderTests {
    /// The contract from the issue, as one dossier (lines counted from 1 at the opening `---`).
    static let contract = """
    ---
    name: Nordwind
    owner: Mei Chen
    stage: mid
    engagement: pilot
    stakeholders:
      - name: Dr. Anna Roth
        title: COO
        role: decision-maker
        stance: supportive
        influence: high
        reports_to: Karl Fink
        our_contact: Mei Chen
        wins: [fewer picking errors]
        last_contact: 2026-09-30
      - name: Karl Fink
        influence: medium
    objectives:
      - goal: Share of wallet to 25%
        measure: share_of_wallet
        target: 25%
        by: 2027-12-31
      - goal: Revenue of five million
        measure: our_revenue
        target: 5000000
      - goal: Reach partnership
        measure: stage
        target: partnership
      - goal: Be their favourite
        target: top 3
    plan:
      - milestone: Send the Hamburg proposal
        owner: Jonas Weber
        due: 2026-12-20
        objective: 1
        done: 2026-12-18
    value:
      proposition: Fewer picking errors at a lower cost per pallet
      outcomes:
        - metric: picking errors
          baseline: 0.9%
          target: 0.7%
          actual: 0.74%
          agreed_by: Lukas Berg
        - metric: pallets per hour
          baseline: 110
          target: 130.5
    opportunities:
      - name: Hamburg AMR fleet
        offering: AMR
        value: 3200000
        stage: propose
        close: 2027-03-31
        owner: Mei Chen
    whitespace:
      - centre: Hamburg hub
        ours: [WMS]
        competitors: {AS/RS: Kessler Systems}
        open: [AMR]
    economics:
      feasibility: {verdict: go, decided: 2025-02-10, reason: Margin above 25% at pilot volumes}
      years:
        - {year: 2025, our_revenue: 6100000, gross_margin: 31%, cost_to_serve: 420000}
        - {year: 2024, our_revenue: 5000000, gross_margin: 0.28}
    governance:
      sponsors:
        - {ours: Dr. Eva Brandt, theirs: Dr. Anna Roth, last_met: 2026-06-12}
      review_every_months: 3
      last_review: 2026-09-30
    commitments:
      - promise: Baseline data from the Leipzig WMS
        by: customer
        due: 2026-11-01
        original_due: 2026-10-15
        valued: high
      - promise: Pilot report
        due: 2026-10-01
    next_meeting:
      date: 2026-12-03
      with: [Dr. Anna Roth, Lukas Berg]
      objective: Agree the scope of the Hamburg pilot extension
      ask: Signed Hamburg scope and an agreed baseline
      fallback: A scoping workshop in January
      their_interests: [proof before a framework deal]
      options: [phased scope, shared savings]
    stage_evidence:
      functions: [operations, procurement, IT]
      shares: [forecasts, plans]
      supplier_status: preferred
      joint_plan: false
    ---

    Notes.
    """

    static var offeringsConfig: SiteConfig {
        var config = SiteConfig()
        config.offerings = ["WMS", "AMR", "AS/RS", "Service"]
        return config
    }

    /// Decodes `text` with `config`, leaving out health findings.
    static func decode(_ text: String, config: SiteConfig = SiteConfig()) -> (Dossier?, [Diagnostic]) {
        let (analyzed, diagnostics) = TestSupport.analyze(text, config: config)
        return (analyzed?.dossier, diagnostics.filter { $0.severity != .note })
    }

    @Test func theWholeContractDecodesWithoutADiagnostic() throws {
        let (decoded, diagnostics) = Self.decode(Self.contract, config: Self.offeringsConfig)
        #expect(diagnostics.map(\.formatted) == [])
        let dossier = try #require(decoded)
        let anna = dossier.stakeholders[0]
        #expect(anna.influence == .high)
        #expect(anna.reportsTo == "Karl Fink")
        #expect(anna.ourContact == "Mei Chen")
        #expect(anna.wins == ["fewer picking errors"])
        #expect(anna.lastContact == Day(year: 2026, month: 9, day: 30))
        #expect(dossier.objectives.map(\.goal).count == 4)
        #expect(dossier.objectives[0] == Objective(goal: "Share of wallet to 25%", measure: .shareOfWallet, target: .fraction(0.25),
                                                   by: Day(year: 2027, month: 12, day: 31), line: 19))
        #expect(dossier.objectives[1].target == .amount(5_000_000))
        #expect(dossier.objectives[2].target == .stage(.partnership))
        #expect(dossier.objectives[3].target == .text("top 3"))
        #expect(dossier.objectives[3].measure == nil)
        #expect(dossier.plan == [Milestone(milestone: "Send the Hamburg proposal", due: Day(year: 2026, month: 12, day: 20),
                                           done: Day(year: 2026, month: 12, day: 18), line: 32, owner: "Jonas Weber", objective: 1)])
        #expect(dossier.value?.proposition == "Fewer picking errors at a lower cost per pallet")
        let errors = try #require(dossier.value?.outcomes.first)
        #expect(errors.baseline.map { abs($0.number - 0.009) < 1e-12 && $0.isPercent } == true)
        #expect(errors.target.map { abs($0.number - 0.007) < 1e-12 && $0.isPercent } == true)
        #expect(errors.actual.map { abs($0.number - 0.0074) < 1e-12 && $0.isPercent } == true)
        #expect(errors.agreedBy == "Lukas Berg")
        #expect(dossier.value?.outcomes.last?.target == MetricValue(number: 130.5, isPercent: false))
        #expect(dossier.opportunities == [Opportunity(name: "Hamburg AMR fleet", offering: "AMR", value: 3_200_000, stage: .propose,
                                                      close: Day(year: 2027, month: 3, day: 31), owner: "Mei Chen", line: 49)])
        let hub = try #require(dossier.whitespace.first)
        #expect(hub.name == "Hamburg hub")
        #expect(hub.coverage(of: "WMS") == .ours)
        #expect(hub.coverage(of: "AS/RS") == .competitor("Kessler Systems"))
        #expect(hub.coverage(of: "AMR") == .open)
        #expect(hub.coverage(of: "Service") == .unknown)
        #expect(dossier.economics?.feasibility == Economics.Feasibility(verdict: .go, decided: Day(year: 2025, month: 2, day: 10),
                                                                        reason: "Margin above 25% at pilot volumes"))
        #expect(dossier.economics?.years.map(\.year) == [2024, 2025])
        #expect(dossier.economics?.years.last == Economics.Year(year: 2025, ourRevenue: 6_100_000, grossMargin: 0.31, costToServe: 420_000))
        #expect(dossier.governance == Governance(
            sponsors: [Governance.SponsorPair(ours: "Dr. Eva Brandt", theirs: "Dr. Anna Roth", lastMet: Day(year: 2026, month: 6, day: 12), line: 67)],
            reviewEveryMonths: 3, lastReview: Day(year: 2026, month: 9, day: 30)))
        let baseline = dossier.commitments[0]
        #expect(baseline.promisedBy == .customer && !baseline.isOurs)
        #expect(baseline.originalDue == Day(year: 2026, month: 10, day: 15))
        #expect(baseline.measuredDue == Day(year: 2026, month: 10, day: 15))
        #expect(baseline.valued == .high)
        #expect(dossier.commitments[1].promisedBy == .us)
        #expect(dossier.commitments[1].measuredDue == Day(year: 2026, month: 10, day: 1))
        let meeting = try #require(dossier.nextMeeting)
        #expect(meeting.ask == "Signed Hamburg scope and an agreed baseline")
        #expect(meeting.fallback == "A scoping workshop in January")
        #expect(meeting.theirInterests == ["proof before a framework deal"])
        #expect(meeting.options == ["phased scope", "shared savings"])
        #expect(dossier.stageEvidence == StageEvidence(functions: ["operations", "procurement", "IT"], shares: [.forecasts, .plans],
                                                       supplierStatus: .preferred, jointPlan: false))
    }

    @Test func aDossierWithoutThePlanDecodesAsBefore() throws {
        let (decoded, diagnostics) = Self.decode("---\nname: Acme\nowner: Mei\nstage: pre\ncommitments: [{promise: X}]\n---\n")
        #expect(diagnostics.isEmpty)
        let dossier = try #require(decoded)
        #expect(dossier.objectives.isEmpty && dossier.opportunities.isEmpty && dossier.whitespace.isEmpty)
        #expect(dossier.value == nil && dossier.economics == nil && dossier.governance == nil && dossier.stageEvidence == nil)
        #expect(dossier.commitments.first?.promisedBy == .us)
    }

    @Test func theWholeContractSurvivesTheCacheForm() throws {
        let (decoded, _) = Self.decode(Self.contract, config: Self.offeringsConfig)
        var dossier = try #require(decoded)
        dossier.body = ""
        let entry = ParsedDossier.Value(dossier: dossier, body: RenderedMarkdown(html: "<p>Notes.</p>", talkingPointsHTML: nil))
        let back = try #require(ParsedDossier.Value(bytes: entry.bytes))
        #expect(back.dossier == dossier)
        #expect(back.dossier.objectives.count == 4 && back.dossier.stageEvidence != nil)
        #expect(BuildCache.format == "dossier-build-cache-11")
    }

    @Test(arguments: [
        ("stakeholders: [{name: A, influence: huge}]", "4:2", "unknown influence 'huge'; expected one of: high, medium, low; did you mean 'high'?"),
        ("stakeholders: [{name: A, wins: fewer errors}]", "4:2", "'stakeholders[0].wins' must be a list (items on lines starting with '- ', or [a, b]), found the text 'fewer errors'"),
        ("stakeholders: [{name: A, our_contact: 7}]", "4:2", "'stakeholders[0].our_contact' must be text, found the number 7; put it in quotes if it is meant as text"),
        ("objectives: [{goal: X, measure: wallet}]", "4:2", "unknown measure 'wallet'; expected one of: share_of_wallet, our_revenue, on_time_rate, stage"),
        ("objectives: [{goal: X, measure: share_of_wallet, target: 125%}]", "4:2", "'objectives[0].target' is 125%; expected a fraction from 0 to 1 (0% to 100%)"),
        ("objectives: [{goal: X, measure: stage, target: married}]", "4:2", "unknown target 'married'; expected one of: pre, early, mid, partnership, synergistic, uncoupling"),
        ("objectives: [{goal: X, measure: our_revenue, target: 5M}]", "4:2", "'objectives[0].target' must be a number (plain digits, no units or separators), found the text '5M'"),
        ("objectives: [{measure: stage}]", "4:2", "missing required key 'objectives[0].goal'"),
        ("objectives: [{goal: X, by: soon}]", "4:2", "'objectives[0].by' has the date 'soon', which is not a real date in the form YYYY-MM-DD"),
        ("plan: [{milestone: X, objective: first}]", "4:2", "'plan[0].objective' must be a whole number, found the text 'first'"),
        ("value: {outcomes: [{metric: errors, baseline: low}]}", "4:2", "'value.outcomes[0].baseline' must be a number such as 120 or a percentage such as '0.9%', found the text 'low'"),
        ("value: [a]", "4:2", "'value' must be a mapping of keys to values, found a list"),
        ("opportunities: [{name: X, stage: closed}]", "4:2", "unknown stage 'closed'; expected one of: qualify, propose, negotiate, won, lost"),
        ("opportunities: [{name: X, value: -5}]", "4:2", "'opportunities[0].value' is -5; expected an amount from 0 to 1,000,000,000,000,000 (10^15)"),
        ("whitespace: [{centre: Hub, competitors: [AS/RS]}]", "4:2", "'whitespace[0].competitors' must be a mapping of keys to values, found a list"),
        ("whitespace: [{ours: [WMS]}]", "4:2", "missing required key 'whitespace[0].centre'"),
        ("economics: {feasibility: {verdict: maybe}}", "4:2", "unknown verdict 'maybe'; expected one of: go, hold, no-go"),
        ("economics: {years: [{year: 2025, gross_margin: lots}]}", "4:2", "'economics.years[0].gross_margin' must be a fraction such as 0.42 or a percentage such as '42%', found the text 'lots'"),
        ("governance: {review_every_months: 0}", "4:2", "'governance.review_every_months' is 0; expected a whole number from 1 to 60"),
        ("governance: {sponsors: [{last_met: 2026-01-01}]}", "4:2", "missing required key 'governance.sponsors[0].ours'"),
        ("commitments: [{promise: X, by: them}]", "4:2", "unknown party 'them'; expected one of: us, customer"),
        ("commitments: [{promise: X, valued: very}]", "4:2", "unknown rating 'very'; expected one of: high, medium, low"),
        ("next_meeting: {options: phased}", "4:2", "'next_meeting.options' must be a list (items on lines starting with '- ', or [a, b]), found the text 'phased'"),
        ("stage_evidence: {shares: [gossip]}", "4:2", "unknown shared information 'gossip'; expected one of: forecasts, plans, costs, roadmaps"),
        ("stage_evidence: {supplier_status: best}", "4:2", "unknown supplier status 'best'; expected one of: one-of-many, approved, preferred, sole, partner"),
        ("stage_evidence: {joint_plan: yes}", "4:2", "'stage_evidence.joint_plan' must be true or false, found the text 'yes'"),
    ])
    func reportsWrongValuesAsErrors(_ line: String, _ position: String, _ message: String) {
        let (_, diagnostics) = Self.decode("---\nname: Acme\nowner: Mei\nstage: pre\n\(line)\n---\n")
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location.line == 5)
    }

    @Test func reportsAnObjectiveNumberOutOfRangeAtItsValue() {
        let text = "---\nname: Acme\nowner: Mei\nstage: pre\nobjectives:\n  - goal: A\n  - goal: B\nplan:\n  - milestone: X\n    objective: 9\n---\n"
        let (decoded, diagnostics) = Self.decode(text)
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:10:16: error: 'plan[0].objective' is 9; expected the number of one of the objectives, from 1 to 2",
        ])
        #expect(decoded?.plan.first?.objective == nil)
    }

    @Test func reportsAnObjectiveNumberWhenThereAreNoObjectives() {
        let (_, diagnostics) = Self.decode("---\nname: Acme\nowner: Mei\nstage: pre\nplan: [{milestone: X, objective: 1}]\n---\n")
        #expect(diagnostics.map(\.message) == [
            "'plan[0].objective' is 1; expected the number of one of the objectives, but the dossier lists none under `objectives:`",
        ])
    }

    @Test func warnsAboutReportsToNamingNobodyWithASuggestion() throws {
        let text = "---\nname: Acme\nowner: Mei\nstage: pre\nstakeholders:\n  - name: Karl Fink\n  - name: Anna Roth\n    reports_to: Karl Fnik\n  - name: Lukas Berg\n    reports_to: The Board\n---\n"
        let (decoded, diagnostics) = Self.decode(text)
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:8:17: warning: 'stakeholders[1].reports_to' names 'Karl Fnik', who is not in this dossier's stakeholders; did you mean 'Karl Fink'?",
            "content/accounts/acme.md:10:17: warning: 'stakeholders[2].reports_to' names 'The Board', who is not in this dossier's stakeholders; add them to stakeholders or correct the name",
        ])
        #expect(try #require(decoded).stakeholders[1].reportsTo == "Karl Fnik")
    }

    @Test func warnsAboutOfferingsNotInTheSettingsWithASuggestion() {
        let text = """
        ---
        name: Acme
        owner: Mei
        stage: pre
        opportunities:
          - name: Fleet
            offering: AMRs
        whitespace:
          - centre: Hub
            ours: [WMS, Cloud]
            competitors: {AS/R: Kessler}
            open: [Servce]
        ---
        """
        let (_, diagnostics) = Self.decode(text, config: Self.offeringsConfig)
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:7:15: warning: 'opportunities[0].offering' names the offering 'AMRs', which is not among the offerings in dossier.yml; did you mean 'AMR'?",
            "content/accounts/acme.md:10:17: warning: 'whitespace[0].ours[1]' names the offering 'Cloud', which is not among the offerings in dossier.yml; add it to `offerings:` there or correct the name",
            "content/accounts/acme.md:11:19: warning: 'whitespace[0].competitors' names the offering 'AS/R', which is not among the offerings in dossier.yml; did you mean 'AS/RS'?",
            "content/accounts/acme.md:12:12: warning: 'whitespace[0].open[0]' names the offering 'Servce', which is not among the offerings in dossier.yml; did you mean 'Service'?",
        ])
        let (_, unchecked) = Self.decode(text)
        #expect(unchecked.isEmpty)
    }

    @Test func warnsAboutUnknownPlanKeysWithASuggestion() {
        let text = "---\nname: Acme\nowner: Mei\nstage: pre\nobjectivs: []\nstakeholders: [{name: A, report_to: B}]\n---\n"
        let (_, diagnostics) = Self.decode(text)
        #expect(diagnostics.map(\.message) == [
            "unknown key 'objectivs'; did you mean 'objectives'?",
            "unknown key 'stakeholders[0].report_to'; did you mean 'reports_to'?",
        ])
    }

    @Test func readsTheSitesOfferings() {
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "",
                                                                bytes: Array("offerings: [WMS, AMR, WMS]\nofferngs: []\n".utf8)))
        #expect(config.offerings == ["WMS", "AMR"])
        #expect(diagnostics.map(\.formatted) == ["dossier.yml:2:1: warning: unknown key 'offerngs'; did you mean 'offerings'?"])
        let (_, wrong) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array("offerings: WMS\n".utf8)))
        #expect(wrong.map(\.formatted) == [
            "dossier.yml:1:12: error: 'offerings' must be a list (items on lines starting with '- ', or [a, b]), found the text 'WMS'",
        ])
    }
}
