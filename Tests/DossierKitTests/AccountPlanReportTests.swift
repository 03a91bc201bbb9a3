import Foundation
import Testing
@testable import DossierKit

private func person(_ name: String, reportsTo: String? = nil, influence: Level? = nil, ourContact: String? = nil,
                    stance: Stakeholder.Stance? = nil, role: Stakeholder.Role? = nil, title: String? = nil) -> Stakeholder {
    var person = Stakeholder(name: name, title: title, role: role, stance: stance, lastContact: nil, line: 1)
    person.reportsTo = reportsTo
    person.influence = influence
    person.ourContact = ourContact
    return person
}

/// The relationship map, the margin chart and the report's and brief's account-plan values.
@Suite struct AccountPlanReportTests {
    // MARK: - Relationship map

    @Test func mapLaysOutATreeByReportsToInTheOrderWritten() {
        let people = [
            person("Karl Fink"),
            person("Lena Roth", reportsTo: "Anna Roth"),
            person("Anna Roth", reportsTo: "Karl Fink"),
            person("Ben Ode", reportsTo: "Karl Fink"),
            person("Outsider"),
        ]
        let layout = RelationshipMap(people: people).layout()
        // Rows: Karl, Anna (his first report as written), Lena (hers), Ben, then the second root.
        #expect(layout.map(\.index) == [0, 2, 1, 3, 4])
        #expect(layout.map(\.depth) == [0, 1, 2, 1, 0])
        #expect(layout.map(\.row) == [0, 1, 2, 3, 4])
        #expect(layout.map(\.parent) == [nil, 0, 2, 0, nil])
    }

    @Test func mapSurvivesCyclesSelfReferencesAndNamesThatMatchNobody() {
        let people = [
            person("A", reportsTo: "C"),
            person("B", reportsTo: "A"),
            person("C", reportsTo: "B"),
            person("D", reportsTo: "D"),
            person("E", reportsTo: "Nobody Here"),
            person("F", reportsTo: "E"),
        ]
        let map = RelationshipMap(people: people)
        let layout = map.layout()
        // Everyone exactly once; the first of the cycle written becomes its root.
        #expect(layout.map(\.index).sorted() == Array(0..<6))
        #expect(map.parents() == [nil, 0, 1, nil, nil, 4])
        #expect(layout.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(layout.map(\.depth) == [0, 1, 2, 0, 0, 1])
        let parsed = expectWellFormedChart(map.svg(id: "map"), id: "map")
        #expect(parsed.all("circle").count >= 6)
    }

    @Test func mapCutsACycleThatALaterPersonLeadsInto() {
        // X reports into the cycle H → I → H without being part of it: the cycle is cut at H, written first of it.
        let people = [person("X", reportsTo: "I"), person("H", reportsTo: "I"), person("I", reportsTo: "H")]
        #expect(RelationshipMap(people: people).parents() == [2, nil, 1])
        #expect(RelationshipMap(people: people).layout().map(\.index) == [1, 2, 0])
    }

    @Test func mapReadsALongReportingLineInOnePass() {
        // 3,000 people in one line and the first reporting to the last: one cycle, cut at the first.
        let count = 3_000
        let people = (0..<count).map { person("P\($0)", reportsTo: "P\(($0 + count - 1) % count)") }
        let map = RelationshipMap(people: people)
        let parents = map.parents()
        #expect(parents[0] == nil)
        #expect(parents.dropFirst().enumerated().allSatisfy { $0.element == $0.offset })
        let layout = map.layout()
        #expect(layout.count == count && layout.last?.depth == count - 1)
    }

    @Test func mapTakesTheFirstPersonOfANameAsTheManager() {
        let people = [person("Sam"), person("Sam"), person("Kim", reportsTo: "Sam")]
        #expect(RelationshipMap(people: people).parents() == [nil, nil, 0])
    }

    @Test func mapEscapesEveryTextAndShowsStanceRoleAndOurContact() {
        let people = [
            person("<script>alert('x')</script> & Co", influence: .high, ourContact: "Mei \"M\" Chen", stance: .supportive,
                   role: .decisionMaker, title: "CEO <b>"),
            person("Lukas Berg", reportsTo: "<script>alert('x')</script> & Co", influence: .low, stance: .opposed),
        ]
        let svg = RelationshipMap(people: people).svg(id: "map")
        let parsed = expectWellFormedChart(svg, id: "map")
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(parsed.shownText.contains("decision-maker"))
        #expect(parsed.all("tspan").map(\.text) == ["our contact: Mei \"M\" Chen", "no contact on our side"])
        #expect(parsed.shownText.contains("opposed"))
        // Stance as colour, influence as size.
        let dots = parsed.all("circle").suffix(2)
        #expect(dots.first?.attributes["fill"] == SVG.ok && dots.last?.attributes["fill"] == SVG.warn)
        #expect(dots.first?.attributes["r"] == "10.0" && dots.last?.attributes["r"] == "5.0")
    }

    @Test func mapMakesUncoveredHighInfluencePeopleStandOut() {
        let people = [
            person("Covered", influence: .high, ourContact: "Mei Chen"),
            person("Uncovered", influence: .high),
            person("Minor", influence: .low),
        ]
        let svg = RelationshipMap(people: people).svg(id: "map")
        let parsed = expectWellFormedChart(svg, id: "map")
        #expect(parsed.desc.contains("High influence and no contact on our side: Uncovered."))
        // One dashed red box in the legend and one round the uncovered person's row.
        let dashed = parsed.all("rect").filter { $0.attributes["stroke"] == SVG.warn && $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 2)
        let warned = parsed.all("tspan").filter { $0.attributes["fill"] == SVG.warn }
        #expect(warned.map(\.text) == ["no contact on our side"])
        #expect(RelationshipMap.isUncovered(people[1]) && !RelationshipMap.isUncovered(people[0]) && !RelationshipMap.isUncovered(people[2]))
    }

    @Test func mapOfFortyPeopleHasABoundedSizeAndIsDeterministic() throws {
        var people = [person("Chief Executive", influence: .high, ourContact: "Eva Brandt")]
        for index in 1..<40 {
            let manager = index < 6 ? "Chief Executive" : "Director \((index % 5) + 1)"
            people.append(person(index < 6 ? "Director \(index)" : "A very long name of a person number \(index) in the plant",
                                 reportsTo: manager, influence: [.high, .medium, .low][index % 3],
                                 ourContact: index % 4 == 0 ? nil : "Jonas Weber", stance: [.supportive, .neutral, .opposed][index % 3],
                                 role: .influencer, title: "Head of something rather long, Hamburg hub"))
        }
        let map = RelationshipMap(people: people)
        let svg = map.svg(id: "map")
        let parsed = expectWellFormedChart(svg, id: "map")
        let viewBox = try #require(parsed.root?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox[2] == 720)
        #expect(viewBox[3] <= 40 * RelationshipMap.rowHeight + 100, "one row a person, plus the legend")
        #expect(map.layout().map(\.depth).max() == 2)
        // Every coordinate inside the picture.
        for element in parsed.all("text") {
            let x = Double(element.attributes["x"] ?? "0") ?? 0
            #expect(x >= 0 && x < viewBox[2])
            #expect(SVG.estimatedWidth(element.text, size: Double(element.attributes["font-size"] ?? "12") ?? 12) < viewBox[2])
        }
        #expect(svg == RelationshipMap(people: people).svg(id: "map"))
    }

    @Test func mapWithoutPeopleSaysNoData() {
        let parsed = expectWellFormedChart(RelationshipMap(people: []).svg(id: "map"), id: "map")
        #expect(parsed.desc.lowercased().contains("no data"))
    }

    @Test func mapTakesItsWordsFromTheLanguage() {
        let people = [person("王伟", influence: .high, stance: .supportive, role: .champion)]
        let parsed = expectWellFormedChart(RelationshipMap(people: people, labels: .init(.builtin("zh"))).svg(id: "m"), id: "m")
        #expect(parsed.title == Strings.builtin("zh")["chart_map_title"])
        #expect(parsed.shownText.contains(Strings.builtin("zh")["chart_map_no_contact"]))
    }

    // MARK: - Our revenue and gross margin

    @Test func marginChartShowsOurRevenueAndGrossMarginInItsOwnWords() {
        let years: [RevenueChart.Year] = [.init(year: 2024, revenue: 4_800_000, margin: 0.27), .init(year: 2025, revenue: 6_100_000, margin: 0.31)]
        let svg = RevenueChart(years: years, currency: "EUR", labels: .init(.english, subject: .ourBusiness)).svg(id: "economics")
        let parsed = expectWellFormedChart(svg, id: "economics")
        #expect(parsed.title == "Our revenue and gross margin")
        #expect(parsed.desc.contains("2024: our revenue EUR 4.8 m, gross margin 27%. 2025: our revenue EUR 6.1 m, gross margin 31%."))
        #expect(parsed.shownText.contains("Gross margin (%, right axis)"))
        #expect(!parsed.shownText.contains("Operating margin"))
        #expect(parsed.all("circle").count == 2 + 1)
        let empty = expectWellFormedChart(RevenueChart(years: [], labels: .init(.english, subject: .ourBusiness)).svg(id: "e"), id: "e")
        #expect(empty.desc == "No data: no figures of our revenue or gross margin yet.")
    }

    @Test func valueOutcomesKeepTheirPrecision() {
        let format = Format(.english)
        #expect(format.metric(MetricValue(number: 0.0074, isPercent: true)) == "0.74%")
        #expect(format.metric(MetricValue(number: 0.25, isPercent: true)) == "25%")
        #expect(format.metric(MetricValue(number: 127, isPercent: false)) == "127")
        #expect(format.metric(MetricValue(number: 1_200_000, isPercent: false)) == "1.2 m")
    }

    // MARK: - The report's and brief's values

    private func context(_ text: String, config: SiteConfig = SiteConfig(), strings: Strings = .english) throws -> Context {
        let (analyzed, diagnostics) = TestSupport.analyze(text, config: config)
        let dossier = try #require(analyzed, "\(diagnostics)")
        let account = Account(dossier, body: RenderedMarkdown(html: "", talkingPointsHTML: nil))
        let env = RenderEnvironment(config: config, asOf: TestSupport.asOf, strings: strings, links: SiteLinks(accounts: [account]))
        return PageContext.account(account, env)
    }

    @Test func planItemsAreGroupedUnderTheirObjectivesWithOwners() throws {
        let context = try context("""
            ---
            name: Acme
            owner: Mei Chen
            stage: mid
            objectives:
              - goal: Share of wallet to 25%
                measure: share_of_wallet
                target: 25%
                by: 2027-12-31
              - goal: Be the sole WMS supplier
            financials:
              wallet: {total: 100, ours: 20}
            plan:
              - milestone: First
                owner: Jonas Weber
                due: 2026-12-20
                objective: 2
              - milestone: Loose
                due: 2026-12-21
              - milestone: Second
                due: 2027-01-10
                objective: 1
              - milestone: Third
                owner: Priya
                due: 2027-02-10
                objective: 2
            ---
            """)
        #expect(context["has_objectives"] as? Bool == true)
        let objectives = try #require(context["objectives"] as? [Context])
        #expect(objectives.map { $0["goal"] as? String } == ["Share of wallet to 25%", "Be the sole WMS supplier"])
        let items = objectives.map { ($0["items"] as? [Context] ?? []).map { $0["milestone"] as? String ?? "" } }
        #expect(items == [["Second"], ["First", "Third"]])
        let owners = (objectives[1]["items"] as? [Context] ?? []).map { $0["item_owner"] as? String }
        #expect(owners == ["Jonas Weber", "Priya"])
        #expect((context["plan_without_objective"] as? [Context])?.map { $0["milestone"] as? String } == ["Loose"])
        // Progress where measured: 20% now, 25% by 2027, within ten points: on track.
        #expect(objectives[0]["current_value"] as? String == "20%")
        #expect(objectives[0]["target_value"] as? String == "25%")
        #expect(objectives[0]["progress"] as? String == "on-track")
        #expect(objectives[0]["progress_label"] as? String == "on track")
        #expect(objectives[1]["progress"] == nil, "no measure, no verdict")
    }

    @Test func anAccountWithoutThePlansFieldsGetsNoneOfItsValues() throws {
        let context = try context("""
            ---
            name: Acme
            owner: Mei Chen
            stage: early
            stakeholders:
              - {name: Anna, title: COO, role: decision-maker, stance: supportive}
            commitments:
              - {promise: Send the deck, due: 2026-12-01}
            plan:
              - {milestone: Workshop, due: 2026-12-10}
            next_meeting: {date: 2026-12-20, with: [Anna]}
            ---
            """)
        for key in ["relationship_map", "objectives", "value_case", "opportunities", "whitespace", "economics", "governance",
                    "commitments_split", "stage_evidence", "brief_plan", "brief_value", "brief_opportunities"] {
            #expect(context[key] == nil, "\(key) is set")
        }
        #expect(context["has_objectives"] as? Bool == false)
        #expect((context["next_meeting"] as? Context)?["has_negotiation"] as? Bool == false)
        #expect((context["next_meeting"] as? Context)?["shows_plan_people"] as? Bool == false)
    }

    @Test func whiteSpaceFollowsTheSitesOfferingsAndNamesCompetitors() throws {
        var config = SiteConfig()
        config.offerings = ["WMS", "AMR", "AS/RS", "Service"]
        let context = try context("""
            ---
            name: Acme
            owner: Mei Chen
            stage: mid
            whitespace:
              - centre: Hamburg hub
                ours: [WMS]
                competitors: {AS/RS: Kessler Systems}
                open: [AMR]
            ---
            """, config: config)
        let grid = try #require(context["whitespace"] as? Context)
        #expect(grid["offerings"] as? [String] == ["WMS", "AMR", "AS/RS", "Service"])
        let cells = try #require(((grid["centres"] as? [Context])?.first?["cells"]) as? [Context])
        #expect(cells.map { $0["label"] as? String } == ["ours", "open", "Kessler Systems", "unknown"])
        #expect(cells.map { $0["class"] as? String } == ["ours", "open", "competitor", "unknown"])
    }

    @Test func briefListsPlanItemsDueByTheMeetingValueSoFarAndTheTopThreeOpportunities() throws {
        let context = try context("""
            ---
            name: Acme
            owner: Mei Chen
            stage: early
            engagement: pilot
            plan:
              - {milestone: Late one, owner: Jonas, due: 2026-11-01}
              - {milestone: Done one, owner: Jonas, due: 2026-11-20, done: 2026-11-19}
              - {milestone: Before, owner: Priya, due: 2026-12-02}
              - {milestone: After, owner: Priya, due: 2026-12-20}
            next_meeting: {date: 2026-12-03, with: [Anna], ask: A signed scope}
            value:
              outcomes:
                - {metric: picking errors, baseline: 0.9%, target: 0.7%, actual: 0.74%}
            opportunities:
              - {name: Small, value: 100}
              - {name: Won, value: 9000, stage: won}
              - {name: Big, value: 5000, stage: propose}
              - {name: Middle, value: 700, stage: qualify}
              - {name: Smallest, value: 50}
            ---
            """)
        let plan = try #require(context["brief_plan"] as? Context)
        #expect((plan["items"] as? [Context])?.map { $0["milestone"] as? String } == ["Late one", "Before"])
        #expect((plan["items"] as? [Context])?.map { $0["item_owner"] as? String } == ["Jonas", "Priya"])
        let value = try #require(context["brief_value"] as? Context)
        #expect((value["outcomes"] as? [Context])?.first?["actual"] as? String == "0.74%")
        let opportunities = try #require(context["brief_opportunities"] as? Context)
        #expect((opportunities["rows"] as? [Context])?.map { $0["name"] as? String } == ["Big", "Middle", "Small"])
        #expect(opportunities["total"] as? String == "Open pipeline: EUR 5,850 in 4 open opportunities (unweighted: each counts in full)")
        #expect((context["next_meeting"] as? Context)?["has_negotiation"] as? Bool == true)
    }

    @Test func briefKeepsItsListsShortAndSaysHowManyMoreTheReportHas() throws {
        let items = (1...6).map { "  - {milestone: Step \($0), owner: Jonas, due: 2026-11-2\($0)}" }.joined(separator: "\n")
        let outcomes = (1...5).map { "    - {metric: measure \($0), baseline: 1, target: 2, actual: 1.5}" }.joined(separator: "\n")
        let context = try context("""
            ---
            name: Acme
            owner: Mei Chen
            stage: early
            engagement: trial
            plan:
            \(items)
            next_meeting: {date: 2026-12-03, with: [Anna]}
            value:
              outcomes:
            \(outcomes)
            ---
            """)
        let plan = try #require(context["brief_plan"] as? Context)
        #expect((plan["items"] as? [Context])?.count == PageContext.briefPlanItems)
        #expect(plan["more"] as? String == "and 2 more — see the full report")
        let value = try #require(context["brief_value"] as? Context)
        #expect((value["outcomes"] as? [Context])?.count == PageContext.briefOutcomes)
        #expect(value["more"] as? String == "and 2 more — see the full report")
    }
}
