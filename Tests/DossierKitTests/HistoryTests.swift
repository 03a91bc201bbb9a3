import Foundation
import Testing
@testable import DossierKit

/// A research site in a real git repository, built by the test with fixed author dates.
@Suite struct HistoryTests {
    static let first = """
        ---
        name: Acme Logistics
        owner: Mei Chen
        stage: early
        stakeholders:
          - {name: Anna Roth, role: decision-maker, stance: neutral, last_contact: 2026-09-20}
        competitors:
          - {name: Kessler, position: incumbent, share: 0.30}
        commitments:
          - {promise: WMS pilot, due: 2026-10-20}
        financials:
          years: [{year: 2024, revenue: 1000000}]
        next_meeting: {date: 2026-12-03, with: [Anna Roth]}
        ---

        """

    static let second = first
        .replacingOccurrences(of: "stage: early", with: "stage: mid")
        .replacingOccurrences(of: "stance: neutral, last_contact: 2026-09-20}", with: "stance: supportive, last_contact: 2026-10-01}\n  - {name: Sofia Novak, role: champion, stance: supportive}")
        .replacingOccurrences(of: "share: 0.30", with: "share: 0.45")
        .replacingOccurrences(of: "due: 2026-10-20}", with: "due: 2026-10-20, done: 2026-10-15}")
        .replacingOccurrences(of: "[{year: 2024, revenue: 1000000}]", with: "[{year: 2024, revenue: 1000000}, {year: 2025, revenue: 1200000}]")

    /// Runs git in `folder` with a fixed author, committer and date.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL, date: String = "2026-01-01T10:00:00+00:00") throws -> String {
        let environment = ["GIT_AUTHOR_NAME": "Jonas Weber", "GIT_AUTHOR_EMAIL": "jonas@example.com", "GIT_COMMITTER_NAME": "Jonas Weber",
                           "GIT_COMMITTER_EMAIL": "jonas@example.com", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
        let (status, output) = try TestSupport.run("git", arguments, in: folder, environment: environment)
        #expect(status == 0, "git \(arguments.joined(separator: " ")) failed")
        return output
    }

    /// A repository whose site lives in a sub-folder, with two commits of one dossier.
    static func makeRepository() throws -> (repository: URL, site: URL) {
        let repository = try TestSupport.makeTemporaryFolder()
        let site = repository.appendingPathComponent("research")
        try git(["init", "-q"], in: repository)
        try TestSupport.write(["content/accounts/acme.md": first], under: site)
        try git(["add", "."], in: repository)
        try git(["commit", "-q", "-m", "Research: Acme"], in: repository, date: "2026-09-01T10:00:00+00:00")
        try TestSupport.write(["content/accounts/acme.md": second], under: site)
        try git(["commit", "-q", "-am", "Acme moves to mid KAM"], in: repository, date: "2026-10-16T10:00:00+00:00")
        return (repository, site)
    }

    private func build(_ site: URL) throws -> (report: BuildReport, output: URL) {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        return (SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build(), output)
    }

    private func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theReportShowsWhoChangedTheDossierAndWhen() throws {
        let (_, site) = try Self.makeRepository()
        let (report, output) = try build(site)
        #expect(report.notes.isEmpty)
        let html = try page(output, "accounts/acme/index.html")
        #expect(html.contains("Last changed 16 Oct 2026 by Jonas Weber"))
        #expect(html.contains("<tr><td>16 Oct 2026</td><td>Jonas Weber</td><td>Acme moves to mid KAM</td></tr>"))
        #expect(html.contains("<tr><td>1 Sep 2026</td><td>Jonas Weber</td><td>Research: Acme</td></tr>"))
        #expect(!html.contains("edited, not committed"))
    }

    @Test func theBriefShowsFieldLevelChangesSinceThePreviousMeeting() throws {
        let (_, site) = try Self.makeRepository()
        let html = try page(try build(site).output, "accounts/acme/brief.html")
        #expect(html.contains("<h2>New since the last meeting (1 Oct 2026)</h2>"))
        for change in [
            "stage moved from Early KAM to Mid KAM",
            "stakeholder added: Sofia Novak (champion)",
            "Anna Roth&#39;s stance changed from neutral to supportive",
            "commitment delivered: WMS pilot (5 days early)",
            "revenue 2025 added",
            "Kessler&#39;s share changed 30% → 45%",
        ] {
            #expect(html.contains("<li>\(change)</li>"), "missing: \(change)")
        }
    }

    @Test func theReportListsChangesOfTheLast90Days() throws {
        let (_, site) = try Self.makeRepository()
        let html = try page(try build(site).output, "accounts/acme/index.html")
        #expect(html.contains("<h2 id=\"changes\">Changes in the last 90 days</h2>"))
        #expect(html.contains("<li>The dossier was created after 28 Aug 2026.</li>") || html.contains("<li>stage moved from Early KAM to Mid KAM</li>"))
    }

    @Test func anUncommittedEditIsShownAsSuch() throws {
        let (_, site) = try Self.makeRepository()
        try TestSupport.write(["content/accounts/acme.md": Self.second.replacingOccurrences(of: "owner: Mei Chen", with: "owner: Tomás Herrera")], under: site)
        let output = try build(site).output
        #expect(try page(output, "accounts/acme/index.html").contains("edited, not committed"))
        #expect(try page(output, "accounts/acme/brief.html").contains("<li>owner changed from Mei Chen to Tomás Herrera</li>"))
    }

    @Test func theChangesCommandPrintsAWeeklyMail() throws {
        let (_, site) = try Self.makeRepository()
        let text = try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, since: Day(parsing: "2026-10-01")).text().get()
        #expect(text == """
            Changes since 1 Oct 2026, as of 26 Nov 2026

            Acme Logistics (Mei Chen) content/accounts/acme.md
              - stage moved from Early KAM to Mid KAM
              - Anna Roth's stance changed from neutral to supportive
              - contact with Anna Roth on 1 Oct 2026
              - stakeholder added: Sofia Novak (champion)
              - commitment delivered: WMS pilot (5 days early)
              - revenue 2025 added
              - Kessler's share changed 30% → 45%

            """)
        let quiet = try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, since: Day(parsing: "2026-11-01")).text().get()
        #expect(quiet.hasSuffix("No dossier changed.\n"))
        #expect(throws: ChangeReportFailure.unknownSlugs(["nope"])) {
            try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, slugs: ["acme", "nope"]).text().get()
        }
    }

    /// Subjects and author names may hold any character but NUL, including the separators of the old
    /// log format (U+001E, U+001F): none of them moves a field of its row or loses a commit.
    @Test func hostileSubjectsAndAuthorsCannotForgeOrHideHistoryRows() throws {
        let (repository, site) = try Self.makeRepository()
        func commit(_ subject: String, author: String, date: String, edit: String) throws {
            try TestSupport.write(["content/accounts/acme.md": Self.second + edit + "\n"], under: site)
            let environment = ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "eve@example.com", "GIT_COMMITTER_NAME": "Eve",
                               "GIT_COMMITTER_EMAIL": "eve@example.com", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
            let (status, _) = try TestSupport.run("git", ["commit", "-q", "--allow-empty-message", "-am", subject], in: repository, environment: environment)
            #expect(status == 0, "git commit of '\(subject)' failed")
        }
        let forgingSubject = "Notes \u{1e}" + String(repeating: "0", count: 40) + "\u{1f}2030-01-01\u{1f}Mallory\u{1f}forged row"
        try commit(forgingSubject, author: "Eve", date: "2026-10-20T10:00:00+00:00", edit: "More notes.")
        try commit("Split author", author: "Eve\u{1f}Adams\u{1e}Jr", date: "2026-10-21T10:00:00+00:00", edit: "Even more notes.")
        try commit("", author: "Eve", date: "2026-10-22T10:00:00+00:00", edit: "No message.")
        try commit("content/accounts/acme.md\n\u{1e}\u{1f}", author: "Eve", date: "2026-10-23T10:00:00+00:00", edit: "Path-like.")

        let history = try SiteHistory.read(siteRoot: site).get()
        let rows = (history.entries["content/accounts/acme.md"] ?? []).map { "\($0.date) | \($0.author) | \($0.subject)" }
        #expect(rows == [
            "2026-10-23 | Eve | content/accounts/acme.md \u{1e}\u{1f}",
            "2026-10-22 | Eve | ",
            "2026-10-21 | Eve\u{1f}Adams\u{1e}Jr | Split author",
            "2026-10-20 | Eve | \(forgingSubject)",
            "2026-10-16 | Jonas Weber | Acme moves to mid KAM",
            "2026-09-01 | Jonas Weber | Research: Acme",
        ])
        #expect(history.entries.keys.sorted() == ["content/accounts/acme.md"])
        #expect(history.entries.values.joined().allSatisfy { $0.commit.count == 40 })
    }

    /// Git keeps whatever a subject, an author name or an old version of a dossier held, control
    /// characters included; the pages show them as U+FFFD, never as the raw code points HTML forbids
    /// (and the Nu HTML checker rejects). The same holds for a raw control character in a body.
    @Test func controlCharactersFromGitOrABodyNeverReachAPage() throws {
        let (repository, site) = try Self.makeRepository()
        let hostileOwner = Self.second.replacingOccurrences(of: "owner: Mei Chen", with: "owner: \"Mei\\e]0;pwned\\a Chen\"")
        try TestSupport.write(["content/accounts/acme.md": hostileOwner], under: site)
        try Self.git(["commit", "-q", "-am", "Owner \u{1b}[2J renamed\u{85}"], in: repository, date: "2026-10-20T10:00:00+00:00")
        try TestSupport.write(["content/accounts/acme.md": Self.second + "Body \u{1b}]0;x\u{7} text.\n"], under: site)
        let environment = ["GIT_AUTHOR_NAME": "Eve\u{1f}Adams\u{1b}[31m", "GIT_AUTHOR_EMAIL": "eve@example.com", "GIT_COMMITTER_NAME": "Eve",
                           "GIT_COMMITTER_EMAIL": "eve@example.com", "GIT_AUTHOR_DATE": "2026-10-22T10:00:00+00:00",
                           "GIT_COMMITTER_DATE": "2026-10-22T10:00:00+00:00"]
        let (status, _) = try TestSupport.run("git", ["commit", "-q", "-am", "Owner back \u{7}\u{1e}"], in: repository, environment: environment)
        #expect(status == 0)

        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf)
        builder.since = Day(year: 2026, month: 10, day: 21)
        let report = builder.build()
        #expect(!report.hasErrors, "\(report.problems)")
        func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(scalar.value)) || (0x7F...0x9F).contains(scalar.value)
        }
        var offending: [String] = []
        for (path, data) in try TestSupport.tree(at: output) where path.hasSuffix(".html") || path.hasSuffix(".js") {
            let text = String(decoding: data, as: UTF8.self)
            if let scalar = text.unicodeScalars.first(where: isForbidden) {
                offending.append("\(path): U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
        }
        #expect(offending.isEmpty, "control characters in \(offending)")
        // They are still there, visibly replaced: the rows, the change line and the body.
        let reportPage = try page(output, "accounts/acme/index.html")
        #expect(reportPage.contains("Eve\u{FFFD}Adams\u{FFFD}[31m"))
        #expect(reportPage.contains("Owner \u{FFFD}[2J renamed\u{FFFD}"))
        #expect(reportPage.contains("Body \u{FFFD}]0;x\u{FFFD} text."))
        #expect(try page(output, "accounts/acme/brief.html").contains("Mei\u{FFFD}]0;pwned\u{FFFD} Chen"))
    }

    @Test func outsideGitTheBuildSaysSoOnceAndShowsNoHistory() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": Self.first], under: site)
        let (report, output) = try build(site)
        #expect(!report.hasErrors)
        #expect(report.notes == ["the site is not in a git work tree, so reports show no history"])
        #expect(!(try page(output, "accounts/acme/index.html")).contains("id=\"history\""))
    }
}

@Suite struct ChangeDetectorTests {
    private func dossier(_ text: String) throws -> Dossier {
        try #require(TestSupport.process(text).0)
    }

    @Test func sameFrontMatterMeansNoChange() throws {
        let value = try dossier(HistoryTests.second)
        #expect(ChangeDetector.changes(from: value, to: value).isEmpty)
    }

    @Test func describesEachChangeInPlainWords() throws {
        let changes = ChangeDetector.changes(from: try dossier(HistoryTests.first), to: try dossier(HistoryTests.second))
        #expect(changes.map { $0.text(in: .english) } == [
            "stage moved from Early KAM to Mid KAM",
            "Anna Roth's stance changed from neutral to supportive",
            "contact with Anna Roth on 1 Oct 2026",
            "stakeholder added: Sofia Novak (champion)",
            "commitment delivered: WMS pilot (5 days early)",
            "revenue 2025 added",
            "Kessler's share changed 30% → 45%",
        ])
        #expect(changes.first?.text(in: .builtin("zh")) == "阶段从初期阶段变为中期阶段")
    }
}
