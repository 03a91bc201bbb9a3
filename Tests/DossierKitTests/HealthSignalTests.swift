import Foundation
import Testing
@testable import DossierKit

/// What is going well (issue 11, item 8): each positive signal fires on what it looks for and stays quiet
/// otherwise, is configured under `signals:`, and `check` lists it without ever failing.
@Suite struct HealthSignalTests {
    /// A dossier with no positive signal, as of 2026-11-26.
    static let plain = """
        ---
        name: Plain AG
        owner: Mei Chen
        stage: mid
        stage_since: 2026-01-10
        reviewed: 2026-11-01
        financials: {wallet: {total: 1000000, ours: 200000}}
        stakeholders:
          - {name: Ann, role: decision-maker, stance: supportive, last_contact: 2026-09-01}
          - {name: Bob, role: economic-buyer, stance: neutral}
        value: {outcomes: [{metric: Errors, baseline: 0.9%, target: 0.7%, actual: 0.8%}, {metric: Picks, baseline: 100, target: 120}]}
        commitments:
          - {promise: A, due: 2026-06-01, done: 2026-06-01}
          - {promise: B, due: 2026-07-01, done: 2026-06-30}
          - {promise: C, due: 2026-08-01, done: 2026-08-01}
          - {promise: D, due: 2026-09-01, done: 2026-09-02, remedy: Sorry.}
          - {promise: E, due: 2026-10-01, done: 2026-09-20}
          - {promise: F, due: 2027-01-01}
        ---

        """

    private func signals(_ replacements: [(String, String)] = [], config: SiteConfig = SiteConfig(), previous: String? = nil) -> [Signal] {
        let text = edited(replacements)
        guard let analyzed = TestSupport.analyze(text, config: config).0 else { return [] }
        guard let previous, let old = TestSupport.analyze(previous, config: config).0 else { return analyzed.signals }
        return HealthSignals.evaluate(analyzed.dossier, figures: analyzed.figures, config: config, previous: old.dossier)
    }

    private func edited(_ replacements: [(String, String)]) -> String {
        var text = Self.plain
        for (old, new) in replacements {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    private func messages(_ signals: [Signal]) -> [String] { signals.map { $0.message(in: .english) } }

    @Test func nothingStandsOutOnAPlainAccount() {
        #expect(signals() == [])
    }

    @Test func promisesKept() {
        let kept = [("done: 2026-09-02, remedy: Sorry.}", "done: 2026-09-01}")]
        #expect(messages(signals(kept)) == ["the last 5 promises due were all kept on time"])
        // Four on time are not enough evidence; the customer's promises do not count.
        #expect(signals(kept + [("  - {promise: A, due: 2026-06-01, done: 2026-06-01}\n", "  - {promise: A, by: customer, due: 2026-06-01, done: 2026-06-01}\n")]) == [])
        // Measured against the first date promised.
        #expect(signals(kept + [("{promise: C, due: 2026-08-01,", "{promise: C, due: 2026-08-01, original_due: 2026-07-15,")]) == [])
        var config = SiteConfig()
        config.signals.overrides["promises-kept"] = ["count": 1]
        #expect(messages(signals(config: config)) == ["the last promise due was kept on time"])
    }

    @Test func stageAdvanced() {
        #expect(messages(signals([("stage_since: 2026-01-10", "stage_since: 2026-10-01")])) == ["reached Mid KAM on 1 Oct 2026"])
        #expect(signals([("stage_since: 2026-01-10", "stage_since: 2026-10-01"), ("stage: mid", "stage: uncoupling")]) == [])
        // With git history, the committed version decides: forward only.
        let before = Self.plain.replacingOccurrences(of: "stage: mid", with: "stage: early")
        #expect(messages(signals(previous: before)) == ["moved from Early KAM to Mid KAM"])
        let after = Self.plain.replacingOccurrences(of: "stage: mid", with: "stage: partnership")
        #expect(signals(previous: after) == [])
        #expect(signals([("stage_since: 2026-01-10", "stage_since: 2026-10-01")], previous: Self.plain) == [])
    }

    @Test func newDecisionMakerContact() {
        #expect(messages(signals([("last_contact: 2026-09-01", "last_contact: 2026-11-02")]))
            == ["recent contact with the decision maker (Ann) on 2 Nov 2026"])
        #expect(signals([("last_contact: 2026-09-01", "last_contact: 2026-10-26")]) == [])
        #expect(signals([("role: decision-maker, stance: supportive, last_contact: 2026-09-01", "role: user, stance: supportive, last_contact: 2026-11-20")]) == [])
    }

    @Test func walletShareUp() {
        let before = Self.plain.replacingOccurrences(of: "ours: 200000", with: "ours: 150000")
        #expect(messages(signals(previous: before)) == ["share of wallet up from 15% to 20%"])
        #expect(signals(previous: Self.plain) == [])
        #expect(signals([("ours: 200000", "ours: 100000")], previous: Self.plain) == [])
    }

    @Test func valueProven() {
        // Lower is better when the target is below the baseline.
        #expect(messages(signals([("actual: 0.8%", "actual: 0.65%")])) == ["Errors: 0.65% reached the target of 0.7%"])
        #expect(messages(signals([("target: 120}", "target: 120, actual: 121}")])) == ["Picks: 121 reached the target of 120"])
        #expect(signals([("target: 120}", "target: 120, actual: 119}")]) == [])
        #expect(signals([("target: 120}", "target: 120, actual: 12%}")]) == [])
    }

    @Test func aSiteSwitchesSignalsOffOrChangesThem() {
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array("""
            signals:
              value-proven: off
              new-decision-maker-contact: {days: 90}
              promises-kep: off
            """.utf8)))
        #expect(diagnostics.map(\.formatted) == ["dossier.yml:4:3: warning: unknown signal 'promises-kep'; did you mean 'promises-kept'?"])
        #expect(signals([("actual: 0.8%", "actual: 0.65%")], config: config).map(\.signalID) == ["new-decision-maker-contact"])
    }

    @Test func checkListsSignalsAsGoingWellNotesThatNeverFail() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": edited([("actual: 0.8%", "actual: 0.65%")])], under: site)
        let (text, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, isStrict: true).check(format: .text)
        #expect(text.contains("\ncontent/accounts/acme.md:11:1: note: going well: Errors: 0.65% reached the target of 0.7% [value-proven]\n"))
        #expect(text.hasSuffix("\n0 errors, 0 warnings, 3 notes, 1 signal in 1 dossier\n"))
        #expect(isPassing)
        let (json, _) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf).check(format: .json)
        struct Document: Decodable {
            struct Entry: Decodable { let rule: String?, kind: String?, severity: String }
            let diagnostics: [Entry]
            let notes: Int, signals: Int
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        #expect(document.diagnostics.filter { $0.kind == "signal" }.map(\.rule) == ["value-proven"])
        #expect(document.diagnostics.filter { $0.kind == "finding" }.count == 3)
        #expect(document.diagnostics.allSatisfy { $0.severity == "note" && $0.rule != nil })
        #expect((document.notes, document.signals) == (3, 1))
        let (quiet, _) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false).check(format: .text)
        #expect(quiet == "0 errors, 0 warnings in 1 dossier\n")
    }

    @Test func theListingHasEveryRuleThenEverySignal() {
        let lines = HealthSignals.listing().split(separator: "\n")
        #expect(lines.count == HealthSignals.all.count)
        for (line, signal) in zip(lines, HealthSignals.all) {
            #expect(line.hasPrefix(signal.id + " (signal"))
            #expect(!line.hasSuffix(": "))
        }
        let ids = HealthSignals.all.map(\.id)
        #expect(Set(ids).isDisjoint(with: HealthRules.all.map(\.id)))
        for id in ids {
            for language in ["en", "zh"] {
                #expect(!Strings.builtin(language)["signal_\(id)_title"].isEmpty)
            }
        }
    }

    /// The report and the brief show "Going well", the portfolio counts it, in both languages; an account
    /// with no signal shows no empty section.
    @Test(arguments: [("en", "Going well", "Value proven", "1 positive signal in the portfolio"), ("zh", "进展顺利", "价值已证实", "组合中有 1 个积极信号")])
    func pagesShowWhatIsGoingWell(_ language: String, _ heading: String, _ title: String, _ lead: String) throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "dossier.yml": "title: X\nlanguage: \(language)\n",
            "content/accounts/acme.md": edited([("actual: 0.8%", "actual: 0.65%")]),
            "content/accounts/plain.md": Self.plain.replacingOccurrences(of: "Plain AG", with: "Plain Two AG"),
        ], under: site)
        let output = site.appendingPathComponent("output")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
        builder.readsHistory = false
        #expect(builder.build().problems.isEmpty)
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        for path in ["accounts/acme/index.html", "accounts/acme/brief.html"] {
            let html = try page(path)
            #expect(html.contains("<h2 id=\"going-well\">\(heading)</h2>"), "\(path)")
            #expect(html.contains("<span class=\"flag good\">\(title)</span>"), "\(path)")
        }
        #expect(!(try page("accounts/plain/index.html")).contains("going-well"))
        let portfolio = try page("index.html")
        #expect(portfolio.contains(lead))
        #expect(portfolio.contains("<a href=\"accounts/acme/index.html\">Plain AG</a>"))
        #expect(!portfolio.contains("<a href=\"accounts/plain/index.html\">Plain Two AG</a> <span class=\"muted\">"))
    }

    /// With git history, the build compares the dossier with its version committed 90 days ago: the stage
    /// moved forward and the share of wallet rose (neither can be seen in `check`, which reads no history).
    @Test func theBuildComparesWithTheVersionOf90DaysAgo() throws {
        let repository = try TestSupport.makeTemporaryFolder()
        let before = """
            ---
            name: Acme
            owner: Mei Chen
            stage: early
            financials: {wallet: {total: 1000000, ours: 100000}}
            ---

            """
        let after = before.replacingOccurrences(of: "stage: early", with: "stage: mid").replacingOccurrences(of: "ours: 100000", with: "ours: 150000")
        try HistoryTests.git(["init", "-q"], in: repository)
        try TestSupport.write(["content/accounts/acme.md": before], under: repository)
        try HistoryTests.git(["add", "."], in: repository)
        try HistoryTests.git(["commit", "-q", "-m", "Acme"], in: repository, date: "2026-06-01T10:00:00+00:00")
        try TestSupport.write(["content/accounts/acme.md": after], under: repository)
        try HistoryTests.git(["commit", "-q", "-am", "Acme moves on"], in: repository, date: "2026-10-01T10:00:00+00:00")
        let output = repository.appendingPathComponent("output")
        #expect(SiteBuilder(siteRoot: repository, output: output, asOf: TestSupport.asOf).build().problems.isEmpty)
        let report = try String(contentsOf: output.appendingPathComponent("accounts/acme/index.html"), encoding: .utf8)
        #expect(report.contains("<li><span class=\"flag good\">Stage advanced</span> moved from Early KAM to Mid KAM</li>"))
        #expect(report.contains("<li><span class=\"flag good\">Share of wallet up</span> share of wallet up from 10% to 15%</li>"))
        let portfolio = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(portfolio.contains("2 positive signals in the portfolio"))
        let (text, _) = SiteChecker(siteRoot: repository, asOf: TestSupport.asOf).check(format: .text)
        #expect(!text.contains("going well"))
    }
}
