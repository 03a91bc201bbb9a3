import Foundation
import Testing
@testable import DossierKit

@Suite struct LocalizationTests {
    static let english = Strings.builtin("en")

    private func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[a-z_]+\}/).map { String($0.output) })
    }

    @Test(arguments: Strings.languages)
    func everyLanguageHasEveryKeyWithTheSamePlaceholders(_ language: String) {
        let strings = Strings.builtin(language)
        #expect(strings.keys.sorted() == Self.english.keys.sorted(), "templates/strings/\(language).yml has other keys than en.yml")
        for key in Self.english.keys.sorted() {
            #expect(placeholders(strings[key]) == placeholders(Self.english[key]), "\(language): \(key) has other placeholders")
            // Each language has its own units of large amounts (thousands and millions, or 万 and 亿).
            if key != "large_number_units" {
                #expect(strings.list(key).count == Self.english.list(key).count, "\(language): \(key) has another number of items")
            }
        }
        #expect(strings.largeNumberUnits.count == strings.list("large_number_units").count, "\(language): a unit of large amounts does not read")
        #expect(!strings.largeNumberUnits.isEmpty)
    }

    @Test func templatesUseOnlyKeysThatExist() {
        for (name, text) in BuiltinTheme.files where name.hasSuffix(".mustache") {
            for match in text.matches(of: /\{\{t\.([A-Za-z0-9_-]+)\}\}/) {
                #expect(Self.english.keys.contains(String(match.output.1)), "\(name) uses a missing key \(match.output.1)")
            }
        }
    }

    @Test func everyRuleAndStageHasItsWords() {
        for rule in HealthRules.all {
            #expect(Self.english.keys.contains("rule_\(rule.id)_title"))
            #expect(Self.english.keys.contains("rule_\(rule.id)_explanation"))
        }
        for stage in Stage.allCases {
            #expect(Self.english.keys.contains("stage_\(stage.rawValue)"))
            #expect(!Self.english.list("guidance_\(stage.rawValue)_role").isEmpty)
        }
    }

    @Test func everyWordOfTheAccountPlanHasItsKey() {
        let keys = Level.allCases.map(\.stringsKey) + Commitment.Party.allCases.map(\.stringsKey)
            + Objective.Measure.allCases.map(\.stringsKey) + Opportunity.SalesStage.allCases.map(\.stringsKey)
            + Economics.Feasibility.Verdict.allCases.map(\.stringsKey) + StageEvidence.SupplierStatus.allCases.map(\.stringsKey)
            + StageEvidence.SharedInformation.allCases.map(\.stringsKey)
            + ([.reached, .onTrack, .behind, .missed, .unknown] as [ObjectiveProgress.Status]).map(\.stringsKey)
            + ([.ours, .competitor("X"), .open, .unknown] as [BuyingCentre.Coverage]).map(\.stringsKey)
        #expect(keys.count == 35)
        for key in keys {
            #expect(Self.english.keys.contains(key), "en.yml has no \(key)")
            #expect(Strings.builtin("zh").keys.contains(key), "zh.yml has no \(key)")
        }
        #expect(Self.english["opportunity-stage_negotiate"] == "negotiate")
        #expect(Strings.builtin("zh")["supplier-status_sole"] == "独家供应商")
    }

    @Test func chineseDatesAndNumbersFollowChineseConventions() {
        let format = Format(Strings.builtin("zh"))
        #expect(format.day(Day(year: 2026, month: 12, day: 3) ?? Day(epochDay: 0)) == "2026年12月3日")
        #expect(format.compact(1_840_000_000) == "18.4亿")
        #expect(format.compact(62_000_000) == "6,200万")
        #expect(format.money(6_100_000, currency: "EUR") == "EUR 610万")
        #expect(format.duration(from: Day(epochDay: 0), to: Day(epochDay: 7)) == "7 天")
        let english = Format(Self.english)
        #expect(english.day(Day(year: 2026, month: 12, day: 3) ?? Day(epochDay: 0)) == "3 Dec 2026")
        #expect(english.compact(1_840_000_000) == "1.84 bn")
        #expect(english.compact(420_000) == "420 k")
    }

    /// Builds the example site with the Chinese theme and looks for Latin words in what a reader sees:
    /// every one must come from the dossiers themselves (names, companies), not from the theme.
    @Test func aChineseBuildHasNoEnglishLabelLeft() throws {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf, configFile: "dossier.zh.yml")
        builder.readsHistory = false  // commit subjects and authors are content, not labels
        let report = builder.build()
        #expect(report.problems.isEmpty)
        var allowed: Set<String> = ["dossier"]
        let sources = try TestSupport.tree(at: TestSupport.repositoryRoot.appendingPathComponent("content"))
        for file in sources.values + [try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("dossier.zh.yml"))] {
            for word in String(decoding: file, as: UTF8.self).matches(of: /[A-Za-z]{2,}/) { allowed.insert(String(word.output)) }
        }
        let pages = try TestSupport.tree(at: output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 50)
        var leftovers: [String: Set<String>] = [:]
        for (path, data) in pages {
            for word in Self.visibleText(of: String(decoding: data, as: UTF8.self)).matches(of: /[A-Za-z]{2,}/) where !allowed.contains(String(word.output)) {
                leftovers[path, default: []].insert(String(word.output))
            }
        }
        #expect(leftovers.isEmpty, "English left in the Chinese build: \(leftovers.sorted { $0.key < $1.key }.prefix(5))")
    }

    /// The text a reader sees or hears: text between tags (SVG text and titles included), and the
    /// attributes shown or read aloud.
    static func visibleText(of html: String) -> String {
        var text = html.replacing(/<script[^>]*>.*?<\/script>/.dotMatchesNewlines(), with: " ")
        var attributes = ""
        for match in text.matches(of: /(?:aria-label|placeholder|alt|title|data-empty|data-one|data-many)="([^"]*)"/) {
            attributes += " " + match.output.1
        }
        text = text.replacing(/<[^>]*>/, with: " ")
        // A word cut short by a chart ("Northgate Healthcare Gr…") is content, not a label.
        return (text + attributes).replacing(/&(?:[a-z]+|#[0-9]+);/, with: " ").replacing(/[A-Za-z]+…/, with: " ")
    }
}
