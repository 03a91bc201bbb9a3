import Testing
@testable import DossierKit

@Suite struct DayTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026/01/01", "2026-1-1", "next week", ""])
    func rejectsTextThatIsNotARealDate(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func parsesAndPrintsTheSameText() {
        #expect(Day(parsing: "2024-02-29")?.description == "2024-02-29")
    }

    @Test func countsDaysAcrossYearsAndLeapDays() throws {
        let start = try #require(Day(parsing: "2024-02-28"))
        let end = try #require(Day(parsing: "2025-03-01"))
        #expect(start.days(until: end) == 367)
        #expect(start.adding(days: 367) == end)
        #expect(Day(epochDay: 0).description == "1970-01-01")
    }
}

@Suite struct AsOfTests {
    @Test func theArgumentWinsThenSourceDateEpochThenToday() throws {
        let epoch = ["SOURCE_DATE_EPOCH": "1764115200"]
        #expect(try Day.asOf(argument: "2026-01-02", environment: epoch).description == "2026-01-02")
        #expect(try Day.asOf(argument: nil, environment: epoch).description == "2025-11-26")
        #expect(try Day.asOf(argument: nil, environment: [:]) == Day.today())
    }

    @Test func badValuesAreErrorsNotGuesses() {
        #expect(throws: Day.AsOfError.badArgument("tomorrow")) { try Day.asOf(argument: "tomorrow", environment: [:]) }
        #expect(throws: Day.AsOfError.badSourceDateEpoch("soon")) { try Day.asOf(argument: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]) }
    }
}

/// One way to count months (issue 11): `Day.months(until:)` is the only month count, and agrees with
/// `Day.adding(months:)`; the report header, the stage tables, the brief and the rules use it.
@Suite struct MonthCountTests {
    private func day(_ text: String) -> Day { Day(parsing: text) ?? Day(epochDay: 0) }

    @Test(arguments: [
        ("2026-11-26", "2026-11-26", 0),   // the same day
        ("2026-01-15", "2026-02-14", 0),   // a day short of a month
        ("2026-01-15", "2026-02-15", 1),
        ("2026-01-31", "2026-02-28", 1),   // the month's last day stands for the 31st
        ("2026-01-31", "2026-02-27", 0),
        ("2024-01-31", "2024-02-29", 1),   // leap year
        ("2024-02-29", "2025-02-28", 12),  // from a leap day
        ("2024-02-29", "2025-02-27", 11),
        ("2025-03-01", "2026-11-26", 20),  // Nordwind: the header said 21, stuck-in-stage 20
        ("2023-12-31", "2024-12-30", 11),
        ("2026-11-26", "2026-01-15", -10), // backwards
    ])
    func countsWholeCalendarMonths(_ start: String, _ end: String, _ months: Int) {
        #expect(day(start).months(until: day(end)) == months)
    }

    @Test func agreesWithAddingMonths() {
        var start = day("2023-01-01")
        while start < day("2025-01-01") {
            for offset in [0, 1, 27, 28, 29, 30, 31, 59, 60, 365, 366, 700] {
                let end = start.adding(days: offset)
                let months = start.months(until: end)
                #expect(start.adding(months: months) <= end)
                #expect(start.adding(months: months + 1) > end)
            }
            start = start.adding(days: 3)
        }
    }

    @Test func durationsOfTwoMonthsOrMoreAreWholeCalendarMonths() {
        let format = Format(Strings.english)
        #expect(format.duration(from: day("2025-03-01"), to: day("2026-11-26")) == "20 months")
        #expect(format.duration(from: day("2026-11-26"), to: day("2025-03-01")) == "20 months")
        #expect(format.duration(from: day("2026-01-01"), to: day("2026-02-28")) == "58 days")
        #expect(format.duration(from: day("2026-01-01"), to: day("2026-03-02")) == "2 months")
        #expect(format.duration(from: day("2026-01-01"), to: day("2026-01-02")) == "1 day")
        #expect(format.relative(day("2026-11-26"), from: day("2026-11-26")) == "today")
    }

    /// The report header and `stuck-in-stage` say the same number of months for the same account.
    @Test func theHeaderAndTheRuleAgree() throws {
        let text = HealthRuleTests.healthy.replacingOccurrences(of: "stage_since: 2026-01-10", with: "stage_since: 2023-03-01")
        let analyzed = try #require(TestSupport.analyze(text).0)
        let finding = try #require(analyzed.findings.first { $0.ruleID == "stuck-in-stage" })
        #expect(finding.message(in: .english) == "44 months in Mid KAM with a target set (limit 36 months)")
        let format = Format(Strings.english)
        #expect(format.duration(from: try #require(analyzed.dossier.stageSince), to: TestSupport.asOf) == "44 months")
    }
}
