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
