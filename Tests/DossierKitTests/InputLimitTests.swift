import Foundation
import Testing
@testable import DossierKit

/// Input that is legal YAML but no sane dossier: it gets a clear error, and never costs more than
/// reading it (no hang, no output that overflows).
@Suite struct InputLimitTests {
    // MARK: Control characters

    @Test func aStringsFileOverrideWithAControlCharacterIsAnError() {
        let (_, diagnostics) = Strings.parse("site_title: \"Key\\e]0;pwned\\a accounts\"\nmonths: [Jan, \"F\\0b\"]\n", language: "en", path: "templates/strings/en.yml")
        #expect(diagnostics.map(\.problem) == [.controlCharacter(key: "site_title", character: "U+001B"), .controlCharacter(key: "months[1]", character: "U+0000")])
        #expect(diagnostics.map(\.location.line) == [1, 2])
    }

    // MARK: Unknown keys

    @Test func unknownKeysBeyondAHundredAreCountedInOneWarning() {
        let keys = (0..<100_000).map { "extra_key_\($0): \($0)\n" }.joined()
        let text = "---\nname: Acme\nowner: Mei Chen\nstage: early\n" + keys + "---\n"
        let (_, _, diagnostics) = TestSupport.process(text)
        let warnings = diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 101)
        #expect(warnings.prefix(100).allSatisfy { if case .unknownKey = $0.problem { true } else { false } })
        #expect(warnings.last?.problem == .moreUnknownKeys(99_900))
        #expect(warnings.last?.location.line == 105)
        #expect(warnings.last?.message == "and 99900 more unknown keys in this file, not listed one by one; they are ignored")
    }

    @Test func unknownRulesInDossierYmlAreCappedToo() {
        let rules = (0..<5_000).map { "  no-such-rule-\($0): off\n" }.joined()
        let (_, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array(("rules:\n" + rules).utf8)))
        #expect(diagnostics.count == 101)
        #expect(diagnostics.last?.problem == .moreUnknownKeys(4_900))
        #expect(diagnostics.last?.location.line == 102)
    }

    @Test func theFirstHundredUnknownKeysStillGetTheirSuggestion() {
        let keys = (0..<99).map { "extra_\($0): 1\n" }.joined()
        let (_, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: Mei\nstage: early\n" + keys + "ownr: x\n---\n")
        #expect(diagnostics.count == 100)
        #expect(diagnostics.last?.problem == .unknownKey("ownr", suggestion: "owner"))
    }

    // MARK: SOURCE_DATE_EPOCH and --as-of

    @Test(arguments: ["9223372036854775807", "2534023008000", "253402300800", "-1", "99999999999999999999"])
    func aSourceDateEpochPastTheYear9999IsRefused(_ epoch: String) {
        #expect(throws: Day.AsOfError.badSourceDateEpoch(epoch)) { try Day.asOf(argument: nil, environment: ["SOURCE_DATE_EPOCH": epoch]) }
    }

    @Test func theRangeOfAsOfDaysIsTheYears1800To9999() throws {
        #expect(try Day.asOf(argument: nil, environment: ["SOURCE_DATE_EPOCH": "253402300799"]).description == "9999-12-31")
        #expect(try Day.asOf(argument: nil, environment: ["SOURCE_DATE_EPOCH": "0"]).description == "1970-01-01")
        #expect(try Day.asOf(argument: "1800-01-01", environment: [:]).description == "1800-01-01")
        #expect(throws: Day.AsOfError.badArgument("1799-12-31")) { try Day.asOf(argument: "1799-12-31", environment: [:]) }
        #expect(throws: Day.AsOfError.badArgument("0001-01-01")) { try Day.asOf(argument: "0001-01-01", environment: [:]) }
        #expect(Day.AsOfError.badSourceDateEpoch("9223372036854775807").description
            == "SOURCE_DATE_EPOCH '9223372036854775807' is not a whole number of seconds since 1970-01-01 up to 253402300799 (9999-12-31); unset it or give such a number")
    }

    @Test func theTimelineDrawsAtMostFiveMonthLabelsWhateverTheSpan() throws {
        let items = [CommitmentTimeline.Item(promise: "Old promise", due: Day(parsing: "1800-01-01"), done: nil)]
        for asOf in ["9999-12-31", "2400-06-15", "2026-11-26"] {
            let svg = CommitmentTimeline(items: items, asOf: try #require(Day(parsing: asOf))).svg(id: "t")
            let labels = svg.components(separatedBy: " y=\"16.0\" text-anchor=\"middle\" font-size=\"11.0\"").count - 1
            #expect((1...5).contains(labels), "\(labels) month labels as of \(asOf)")
        }
    }

    // MARK: Not a site

    @Test func aFolderThatIsNotASiteIsAnErrorForEveryCommand() throws {
        let typo = try TestSupport.makeTemporaryFolder().appendingPathComponent("typo")
        let output = typo.appendingPathComponent("output")
        let report = SiteBuilder(siteRoot: typo, output: output, asOf: TestSupport.asOf).build()
        #expect(report.diagnostics.map(\.problem) == [.notASite])
        #expect(report.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: typo.path))
        let (text, isPassing) = SiteChecker(siteRoot: typo, asOf: TestSupport.asOf).check(format: .text)
        #expect(!isPassing)
        #expect(text.contains("error: not a dossier site"))
        guard case .failure(.siteHasErrors(let reason)) = ChangeReport(siteRoot: typo, asOf: TestSupport.asOf).text() else {
            Issue.record("changes ran on a folder that is not a site")
            return
        }
        #expect(reason.contains("not a dossier site"))
        #expect(throws: Scaffold.Failure.notASite(typo.path)) {
            try Scaffold.newDossier(slug: "acme", name: nil, owner: nil, in: typo, today: TestSupport.asOf)
        }
        #expect(!FileManager.default.fileExists(atPath: typo.path))
    }

    @Test func aSiteWithSettingsButNoDossiersOnlyWarns() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["dossier.yml": "title: New\n"], under: site)
        let analysis = SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf)
        #expect(analysis.diagnostics.map(\.problem) == [.noDossiers])
        #expect(!analysis.hasErrors)
    }

    @Test func theCommandLineRefusesAMistypedSite() throws {
        let binaries = try #require(HookTests.binaryFolder, "the dossier executable was not built")
        let typo = try TestSupport.makeTemporaryFolder().appendingPathComponent("typo")
        let dossier = binaries.appendingPathComponent("dossier").path
        for arguments in [["build"], ["check"], ["changes"], ["serve", "--port", "0"], ["new", "acme"]] {
            let (status, output) = try TestSupport.run(dossier, arguments + ["--site", typo.path], includesErrors: true)
            #expect(status == 1, "dossier \(arguments[0]) exited \(status)")
            #expect(output.contains("not a dossier site"), "dossier \(arguments[0]): \(output)")
        }
        #expect(!FileManager.default.fileExists(atPath: typo.path))
    }

    // MARK: dossier new

    @Test(arguments: [("", nil), ("   ", nil), (nil, ""), ("Acme\nGmbH", nil), ("Acme\u{1B}[2J", nil), (nil, "Mei\u{0}")] as [(String?, String?)])
    func newRefusesValuesCheckWouldRejectAndWritesNothing(_ name: String?, _ owner: String?) throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["dossier.yml": "title: Research\n"], under: site)
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold.newDossier(slug: "acme", name: name, owner: owner, in: site, today: TestSupport.asOf)
        }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content").path))
    }

    @Test func newSaysWhichValueIsWrong() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["dossier.yml": "title: Research\n"], under: site)
        #expect(throws: Scaffold.Failure.badValue(option: "--name", reason: "is empty; it is required, so give it a value")) {
            try Scaffold.newDossier(slug: "acme", name: "", owner: nil, in: site, today: TestSupport.asOf)
        }
        #expect(throws: Scaffold.Failure.badValue(option: "--owner", reason: "contains the control character U+001B; leave it out")) {
            try Scaffold.newDossier(slug: "acme", name: nil, owner: "Mei\u{1B}[2J", in: site, today: TestSupport.asOf)
        }
        #expect(Scaffold.Failure.badValue(option: "--name", reason: "is empty; it is required, so give it a value").description
            == "--name is empty; it is required, so give it a value; nothing was written")
    }

    // MARK: Encodings

    @Test func utf16AndUtf32TextIsNamedAndBinaryStaysBinary() {
        let text = "---\nname: Acme\nowner: Mei\nstage: early\n---\n"
        func decode(_ bytes: [UInt8]) -> Problem? {
            if case .failure(let diagnostic) = decodeText(of: SourceFile(path: "a.md", slug: "a", bytes: bytes), limit: 1 << 20) { return diagnostic.problem }
            return nil
        }
        let utf16 = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(decode([0xFF, 0xFE] + utf16) == .notUTF8(encoding: "UTF-16 (little-endian)"))
        #expect(decode(utf16) == .notUTF8(encoding: "UTF-16 (little-endian)"))
        #expect(decode(Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == .notUTF8(encoding: "UTF-16 (big-endian)"))
        #expect(decode([0, 0, 0xFE, 0xFF]) == .notUTF8(encoding: "UTF-32 (big-endian)"))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
        #expect(decode(png) == .binaryFile)
        #expect(decode(Array(("\u{FEFF}" + text).utf8)) == nil)
    }

    // MARK: Numbers

    @Test func hugeFiguresAreErrorsNotInfinityOnThePage() {
        let text = """
            ---
            name: Acme
            owner: Mei
            stage: early
            financials:
              years: [{year: 2025, revenue: 1e308, operating_margin: 1e308, net_income: 1e15}]
            ---

            """
        let (dossier, _, diagnostics) = TestSupport.process(text)
        #expect(diagnostics.map(\.location.column) == [33, 58])
        #expect(diagnostics.allSatisfy { if case .outOfRange = $0.problem { true } else { false } })
        #expect(dossier?.financials?.years.first?.revenue == nil)
        #expect(dossier?.financials?.years.first?.netIncome == 1e15)
    }
}
