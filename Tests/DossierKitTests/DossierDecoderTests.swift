import Testing
@testable import DossierKit

@Suite struct DossierDecoderTests {
    @Test func theContractExampleDecodesWithoutAnyDiagnostic() throws {
        let (dossier, _, diagnostics) = TestSupport.process(try TestSupport.contractExample(), slug: "nordwind-logistik")
        #expect(diagnostics.isEmpty)
        let value = try #require(dossier)
        #expect(value.name == "Nordwind Logistik GmbH")
        #expect(value.stage == .mid)
        #expect(value.target == Target(stage: .partnership, by: Day(year: 2027, month: 6, day: 30)))
        #expect(value.segments.map(\.share) == [0.42, 0.35, 0.23])
        #expect(value.financials?.years.map(\.year) == [2024, 2025])
        #expect(value.financials?.years.first?.operatingMargin == 0.055)
        #expect(value.stakeholders.map(\.role) == [.decisionMaker, .economicBuyer, .champion])
        #expect(value.commitments.count == 4)
        #expect(value.commitments[0].line == 82)
        #expect(value.commitments.map(\.promisedBy) == [.us, .us, .us, .customer])
        #expect(value.objectives.count == 3)
        #expect(value.stageEvidence?.supplierStatus == .preferred)
        #expect(value.nextMeeting?.with == ["Dr. Anna Roth", "Lukas Berg"])
        #expect(value.body.contains("## Talking points"))
        #expect(value.bodyLine == 198)
    }

    @Test func reportsAnUnknownStageAtItsValue() {
        let (_, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: Mei\nstage: mid-kam\n---\n")
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:4:8: error: unknown stage 'mid-kam'; expected one of: pre, early, mid, partnership, synergistic, uncoupling",
        ])
    }

    @Test func warnsAboutUnknownKeysWithASuggestion() {
        let (dossier, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: Mei\nstage: pre\ncompetitor:\n  - name: X\n---\n")
        #expect(dossier != nil)
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:5:1: warning: unknown key 'competitor'; did you mean 'competitors'?",
        ])
    }

    @Test func reportsEveryMissingRequiredKey() {
        let (dossier, _, diagnostics) = TestSupport.process("---\ntier: A\n---\n")
        #expect(dossier == nil)
        #expect(diagnostics.map(\.message) == ["missing required key 'name'", "missing required key 'owner'", "missing required key 'stage'"])
    }

    @Test(arguments: [
        ("name: 1234", "'name' must be text, found the number 1234; put it in quotes if it is meant as text"),
        ("tier: true", "'tier' must be text, found the boolean true; put it in quotes if it is meant as text"),
        ("reviewed: 2026-02-30", "'reviewed' has the date '2026-02-30', which is not a real date in the form YYYY-MM-DD"),
        ("tags: logistics", "'tags' must be a list (items on lines starting with '- ', or [a, b]), found the text 'logistics'"),
        ("assessment: {attractiveness: 7}", "'assessment.attractiveness' is 7; expected a whole number from 1 to 5"),
        ("segments: [{name: A, share: 42}]", "'segments[0].share' is 42; expected a fraction from 0 to 1 (write 0.42 or '42%')"),
        ("financials: {currency: euro}", "currency 'euro' is not an ISO 4217 code; use three capital letters such as EUR, USD or CNY"),
        ("financials: {years: [{year: 2025, revenue: 1.8bn}]}", "'financials.years[0].revenue' must be a number (plain digits, no units or separators), found the text '1.8bn'"),
        ("stakeholders: [{name: A, role: boss}]", "unknown role 'boss'; expected one of: decision-maker, economic-buyer, influencer, user, gatekeeper, champion, blocker"),
        ("engagement: contract", "unknown engagement 'contract'; expected one of: pilot, trial, limited-contract, framework, partnership"),
    ])
    func reportsWrongValues(_ line: String, _ message: String) {
        let text = line.hasPrefix("name:") ? "---\n\(line)\nowner: Mei\nstage: pre\n---\n" : "---\nname: Acme\nowner: Mei\nstage: pre\n\(line)\n---\n"
        let (_, _, diagnostics) = TestSupport.process(text)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func reportsYAMLSyntaxErrorsAtTheirFileLine() {
        let (_, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: [Mei\nstage: pre\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line ?? 0 >= 3)
        #expect(diagnostics.first?.message.hasPrefix("YAML syntax error: ") == true)
    }

    @Test func refusesAliasBombsQuickly() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = ["a", "b", "c", "d", "e", "f", "g", "h"][index]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let (dossier, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: Mei\nstage: pre\n\(yaml)---\n")
        #expect(dossier == nil)
        #expect(diagnostics.map(\.formatted) == [
            "content/accounts/acme.md:8:16: error: more than 20 aliases; write the values out instead",
        ])
    }

    @Test func refusesDeepNestingWithAPosition() {
        let text = "---\nname: Acme\nowner: Mei\nstage: pre\ntags: " + String(repeating: "[", count: 100_000) + "\n---\n"
        let (_, _, diagnostics) = TestSupport.process(text)
        #expect(diagnostics.map(\.message) == ["the YAML is nested more than 1000 levels deep"])
        #expect(diagnostics.first?.location.line == 5)
    }
}

@Suite struct CoreSchemaTests {
    @Test(arguments: [
        ("", "null"), ("~", "null"), ("NULL", "null"), ("true", "bool"), ("False", "bool"), ("yes", "str"), ("NO", "str"),
        ("42", "int"), ("-7", "int"), ("012", "int"), ("0.42", "float"), (".5", "float"), ("1.", "float"), ("1.84e9", "float"),
        ("-.inf", "float"), (".nan", "float"), ("1_000", "str"), ("1:30", "str"), ("0x10", "str"), ("3M", "str"), ("1e", "str"),
        ("+", "str"), (".", "str"), ("2026-03-01", "str"), ("42%", "str"),
    ])
    func classifiesPlainScalarsLikeTheYAML12CoreSchema(_ text: String, _ tag: String) {
        #expect(CoreSchema.tag(ofPlain: text).rawValue == "tag:yaml.org,2002:" + tag)
    }
}
