import Foundation
import Testing
@testable import DossierKit

/// The calendar feeds (`meetings.ics`, `owners/<slug>/calendar.ics`), read back by a real parser:
/// Python's `icalendar` (PyPI, put in .build/test-tools/python/ by `scripts/install-deps --test`), through
/// `Fixtures/tools/check_ics.py`, which also checks line ends, line lengths and UTF-8 on its own.
@Suite struct CalendarFeedTests {
    /// What the parser read from one file.
    struct Feed: Decodable {
        struct Moment: Decodable, Equatable {
            var value: String
            var is_date: Bool
            var value_parameter: String?
        }
        struct Event: Decodable {
            var uid: String?
            var stamp: Moment?
            var start: Moment?
            var end: Moment?
            var summary: String?
            var description: String?
            var url: String?
            var transparency: String?
        }
        var version: String?
        var product: String?
        var name: String?
        var x_name: String?
        var method: String?
        var events: [Event]
        var problems: [String]
    }

    static let checker = TestSupport.fixtures.appendingPathComponent("tools/check_ics.py")
    static let parserFolder = TestSupport.repositoryRoot.appendingPathComponent(".build/test-tools/python")

    /// Parses `files` (paths) with `icalendar`; every file must parse, and each is checked for the
    /// properties every calendar and event must have.
    static func parse(_ files: [URL]) throws -> [String: Feed] {
        try #require(FileManager.default.fileExists(atPath: parserFolder.appendingPathComponent("icalendar").path),
                     "Python's icalendar is missing: run scripts/install-deps --test")
        let arguments = [checker.path] + files.map(\.path), environment = ["PYTHONPATH": parserFolder.path]
        let (status, output) = try TestSupport.run("python3", arguments, environment: environment)
        if status != 0 {
            let errors = try TestSupport.run("python3", arguments, environment: environment, includesErrors: true).output
            try #require(status == 0, "icalendar could not read the files:\n\(errors)")
        }
        let feeds = try JSONDecoder().decode([String: Feed].self, from: Data(output.utf8))
        for (path, feed) in feeds {
            #expect(feed.problems.isEmpty, "\(path): \(feed.problems)")
            #expect(feed.version == "2.0" && feed.product == ICalendarWriter.productID && feed.method == "PUBLISH", "\(path)")
            #expect(feed.name != nil && feed.name == feed.x_name, "\(path)")
            let uids = feed.events.compactMap(\.uid)
            #expect(uids.count == feed.events.count && Set(uids).count == uids.count, "\(path): every event has a UID of its own")
            for event in feed.events {
                #expect(event.stamp == Feed.Moment(value: "2026-11-26T00:00:00+00:00", is_date: false), "\(path): DTSTAMP is the as-of day")
                #expect(event.start?.is_date == true && event.start?.value_parameter == "DATE", "\(path): all-day events")
                #expect(event.summary?.isEmpty == false, "\(path)")
            }
        }
        return feeds
    }

    static func parse(_ file: URL) throws -> Feed {
        try #require(try parse([file])[file.path])
    }

    static func build(_ site: URL, config: String? = nil, audience: String? = nil) throws -> URL {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        var builder = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf, configFile: config ?? SiteConfig.fileName)
        builder.readsHistory = false
        builder.audience = audience
        let report = builder.build()
        #expect(!report.hasErrors, "\(report.problems.map(\.formatted))")
        return output
    }

    /// The `.ics` files of an output, by relative path.
    static func feeds(in output: URL) throws -> [String: String] {
        try TestSupport.tree(at: output).filter { $0.key.hasSuffix(".ics") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: The example site

    @Test func theExampleSitesFeedsParseWithTheExpectedEvents() throws {
        let output = try Self.build(TestSupport.repositoryRoot)
        let analysis = SiteAnalysis.analyze(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf)
        let dossiers = analysis.dossiers.map(\.dossier)
        let files = try Self.feeds(in: output).keys.sorted()
        let owners = Set(dossiers.flatMap { [$0.owner] + $0.team }.map(NameSlugger.key))
        #expect(files.count == 1 + owners.count, "meetings.ics and one per owner page: \(files)")
        let feeds = try Self.parse(files.map { output.appendingPathComponent($0) })

        let meetings = try #require(feeds[output.appendingPathComponent("meetings.ics").path])
        #expect(meetings.name == "Meetings · Key accounts")
        let withMeeting = dossiers.filter { $0.nextMeeting?.date != nil }
        #expect(meetings.events.count == withMeeting.count && withMeeting.count >= 10)
        for dossier in withMeeting {
            let meeting = try #require(dossier.nextMeeting)
            let day = try #require(meeting.date)
            let event = try #require(meetings.events.first { $0.summary == "Meeting: \(dossier.name)" }, "\(dossier.slug)")
            #expect(event.start?.value == day.description)
            #expect(event.end?.value == day.adding(days: 1).description && event.end?.is_date == true)
            #expect(event.uid == CalendarEvent.uid(["meeting", dossier.slug, day.description]))
            let description = try #require(event.description)
            if let objective = meeting.objective { #expect(description.contains("Objective: \(objective)\n")) }
            #expect(description.contains("With: \(meeting.with.joined(separator: ", "))\n"), "attendees as text")
            #expect(description.hasSuffix("\nBrief: accounts/\(dossier.slug)/brief.html on the site"), "no base_url: the path on the site")
            #expect(event.url == nil && event.transparency == "OPAQUE")
        }
        let days = meetings.events.compactMap(\.start?.value)
        #expect(days == days.sorted(), "in date order")

        // Mei Chen's feed: the meetings of her accounts and every item of her agenda, however far ahead.
        let mei = try #require(feeds[output.appendingPathComponent("owners/mei-chen/calendar.ics").path])
        #expect(mei.name == "Mei Chen · Key accounts")
        let hers = dossiers.filter { NameSlugger.key($0.owner) == "mei chen" || $0.team.map(NameSlugger.key).contains("mei chen") }
        let agenda = hers.flatMap { dossier in dossier.agenda(of: "Mei Chen", asOf: TestSupport.asOf, days: 36_500).map { (dossier, $0) } }
        #expect(agenda.count > AgendaItem.horizonDays / 7, "more than the page's 14 days")
        #expect(agenda.contains { $0.1.due > TestSupport.asOf.adding(days: AgendaItem.horizonDays) }, "the feed reaches past the page's horizon")
        #expect(mei.events.count == hers.filter { $0.nextMeeting?.date != nil }.count + agenda.count)
        for (dossier, item) in agenda {
            let summary = "\(item.isOverdue ? "Overdue" : "Due"): \(item.text) (\(dossier.name))"
            let event = try #require(mei.events.first { $0.summary == summary }, "\(summary)")
            #expect(event.start?.value == item.due.description && event.transparency == "TRANSPARENT")
            #expect(event.description?.hasSuffix("\nReport: accounts/\(dossier.slug)/index.html on the site") == true)
        }
        let meiDays = mei.events.compactMap(\.start?.value)
        #expect(meiDays == meiDays.sorted(), "by day")
        #expect(mei.events.contains { $0.summary?.contains("深圳华芯电子股份有限公司") == true }, "Chinese names arrive whole")
    }

    @Test func pagesLinkTheirFeeds() throws {
        let output = try Self.build(TestSupport.repositoryRoot)
        let meetings = try String(contentsOf: output.appendingPathComponent("meetings/index.html"), encoding: .utf8)
        #expect(meetings.contains("<p class=\"subscribe\"><a href=\"../meetings.ics\" type=\"text/calendar\">Add to your calendar</a>"))
        let owner = try String(contentsOf: output.appendingPathComponent("owners/mei-chen/index.html"), encoding: .utf8)
        #expect(owner.contains("<a href=\"../../owners/mei-chen/calendar.ics\" type=\"text/calendar\">Add to your calendar</a>"))
        #expect(!meetings.contains("<code>"), "no address to show without base_url")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("owners/mei-chen/calendar.ics").path))
    }

    @Test func aChineseBuildWritesChineseFeeds() throws {
        let output = try Self.build(TestSupport.repositoryRoot, config: "dossier.zh.yml")
        let meetings = try Self.parse(output.appendingPathComponent("meetings.ics"))
        #expect(meetings.name?.hasPrefix("会议 · ") == true)
        let huaxin = try #require(meetings.events.first { $0.summary == "会议：深圳华芯电子股份有限公司" })
        #expect(huaxin.description?.contains("目标：") == true)
        #expect(huaxin.description?.contains("会前简报：网站中的 accounts/huaxin-electronics/brief.html") == true)
        let page = try String(contentsOf: output.appendingPathComponent("meetings/index.html"), encoding: .utf8)
        #expect(page.contains(">添加到日历</a>"))
    }

    // MARK: Hostile text, folding and escaping

    /// Text a calendar feed must carry unchanged, or with the control characters TEXT forbids as U+FFFD.
    static let hostile = "Müller, Lee; \"Boss\" \\ O'Brien\nline two\r\nline three\rline four\ttab \u{1}\u{1B}[31m\u{7F}\u{85} end,;\\n"
    static let hostileRead = "Müller, Lee; \"Boss\" \\ O'Brien\nline two\nline three\nline four\ttab \u{FFFD}\u{FFFD}[31m\u{FFFD}\u{FFFD} end,;\\n"
    static let longChineseName = String(String(repeating: "深圳华芯电子股份有限公司", count: 42).prefix(500)) + "🚚"

    @Test func hostileTextIsEscapedFoldedAndReadBackExactly() throws {
        #expect(Self.longChineseName.count == 501 && Self.longChineseName.utf8.count == 1_504)
        let events = [
            CalendarEvent(uid: "a@dossier", day: Day(year: 2026, month: 12, day: 3) ?? TestSupport.asOf, summary: Self.hostile,
                          description: [Self.hostile, String(Self.longChineseName)], url: "https://kam.example.com/a;b,c/brief.html"),
            CalendarEvent(uid: "b@dossier", day: Day(year: 2027, month: 2, day: 28) ?? TestSupport.asOf, summary: String(Self.longChineseName),
                          description: ["e\u{301}" + String(repeating: "\u{301}", count: 200)], isTransparent: true),
            // The last day there is: its next day has no four-digit year, so the event has no DTEND.
            CalendarEvent(uid: "c@dossier", day: Day(year: 9999, month: 12, day: 31) ?? TestSupport.asOf, summary: "last"),
            // A UID given twice stays unique in the file.
            CalendarEvent(uid: "a@dossier", day: TestSupport.asOf, summary: "again"),
        ]
        let text = ICalendarWriter(name: Self.hostile + String(Self.longChineseName), stamp: TestSupport.asOf).document(events)
        #expect(text.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:Müller\\, Lee\\; \"Boss\" \\\\ O'Brien\\nline two\\nline three\\nline four\ttab"))
        #expect(!text.utf8.contains(0x1B) && !text.utf8.contains(0x01) && !text.utf8.contains(0x7F))
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast() {
            #expect(line.utf8.count <= 75 && !line.contains("\n") && !line.contains("\r"))
        }
        let file = try TestSupport.makeTemporaryFolder().appendingPathComponent("hostile.ics")
        try Data(text.utf8).write(to: file)
        let feed = try Self.parse(file)
        #expect(feed.name == Self.hostileRead + String(Self.longChineseName))
        #expect(feed.events.map(\.uid) == ["a@dossier", "b@dossier", "c@dossier", "2-a@dossier"])
        #expect(feed.events[0].summary == Self.hostileRead)
        #expect(feed.events[0].description == Self.hostileRead + "\n" + String(Self.longChineseName))
        #expect(feed.events[0].url == "https://kam.example.com/a;b,c/brief.html", "a URI is not TEXT: nothing escaped")
        #expect(feed.events[1].summary == String(Self.longChineseName))
        #expect(feed.events[1].description == "e\u{301}" + String(repeating: "\u{301}", count: 200))
        #expect(feed.events[1].transparency == "TRANSPARENT" && feed.events[0].transparency == "OPAQUE")
        #expect(feed.events[1].end?.value == "2027-03-01")
        #expect(feed.events[2].start?.value == "9999-12-31" && feed.events[2].end == nil)
    }

    /// Every length of line, with scalars of one to four octets at every offset: no physical line over 75
    /// octets, each one valid UTF-8 on its own, and unfolding gives the line back.
    @Test func foldingNeverSplitsAUTF8Sequence() throws {
        #expect(ICalendarWriter.folded(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75))
        #expect(ICalendarWriter.folded(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a")
        #expect(ICalendarWriter.folded(String(repeating: "a", count: 74) + "é") == String(repeating: "a", count: 74) + "\r\n é",
                "a two-octet scalar that would end at octet 76 moves to the next line whole")
        for piece in ["é", "华", "🚚", "a华🚚é"] {
            for prefix in 0..<4 {
                for count in 1...120 {
                    let line = String(repeating: "x", count: prefix) + String(repeating: piece, count: count)
                    let folded = ICalendarWriter.folded(line)
                    let physical = Array(folded.utf8).split(separator: 0x0D, omittingEmptySubsequences: false)
                    for (index, part) in physical.enumerated() {
                        let bytes = index == 0 ? Array(part) : Array(part.dropFirst())  // the LF of the CRLF
                        #expect(bytes.count <= 75)
                        #expect(String(validating: bytes, as: UTF8.self) != nil, "a split UTF-8 sequence in \(piece) × \(count)")
                        if index > 0 { #expect(bytes.first == 0x20, "a continuation line starts with one space") }
                    }
                    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
                }
            }
        }
    }

    @Test func textEscapingFollowsRFC5545() {
        #expect(ICalendarWriter.escaped("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendarWriter.escaped("1\r\n2\r3\n\n4") == "1\\n2\\n3\\n\\n4")
        #expect(ICalendarWriter.escaped("tab\there\u{0}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}") == "tab\there\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{A0}")
        #expect(ICalendarWriter.escaped("华芯 🚚 e\u{301}") == "华芯 🚚 e\u{301}")
    }

    // MARK: A site with hostile values, through the whole build

    static func hostileDossier(objective: String = "Agree scope, price; and the \\\\server\\\\ share", stage: String = "early",
                               planOrder: [String] = ["Pilot, phase 1; go-live", "Board; review"], due: String = "2027-03-01",
                               meetingDay: String = "2026-12-03", body: String = "Body.") -> String {
        """
        ---
        name: "Acme, Inc.; \\\\ Logistics \\"Nord\\""
        owner: Mei Chen
        team: [Jonas Weber]
        stage: \(stage)
        stakeholders:
          - {name: "Lee, Anna", role: decision-maker}
        next_meeting:
          date: \(meetingDay)
          with: ["Lee, Anna", "王丽; 采购总监"]
          ask: Sign the ASK-SECRET
          fallback: FALLBACK-SECRET
          objective: |
            \(objective)
            Second line, with a comma.
        plan:
        \(planOrder.map { "  - {milestone: \"\($0)\", due: \(due)}" }.joined(separator: "\n"))
        commitments:
          - {promise: "Send the report, signed; \\\\ both copies", owner: Jonas Weber, due: 2026-12-10}
          - {promise: Baseline data, by: customer, due: 2026-11-01}
        ---

        \(body)

        """
    }

    static func hostileSite(_ dossier: String = hostileDossier(), settings: String = "title: \"KAM, Nord; \\\\ Süd\"\n") throws -> URL {
        let site = try TestSupport.makeTemporaryFolder()
        let chineseName = String(longChineseName.dropLast())
        try TestSupport.write([
            "dossier.yml": settings,
            "content/accounts/acme.md": dossier,
            "content/accounts/huaxin.md": "---\nname: \(chineseName)\nowner: \(chineseName)\nstage: mid\nnext_meeting: {date: 2027-01-08, with: [\(chineseName)], objective: \(chineseName)}\n---\n",
        ], under: site)
        return site
    }

    @Test func hostileValuesSurviveTheWholeBuild() throws {
        let output = try Self.build(try Self.hostileSite())
        let files = try Self.feeds(in: output)
        #expect(files.count == 4, "meetings, Mei Chen, Jonas Weber and the Chinese owner: \(files.keys.sorted())")
        let search = try SearchData(output: output)
        #expect(!search.names(for: "ASK-SECRET").isEmpty && !search.names(for: "FALLBACK-SECRET").isEmpty, "the site holds the ask and the fallback")
        #expect(files.values.allSatisfy { !$0.contains("ASK-SECRET") && !$0.contains("FALLBACK-SECRET") }, "a feed never does")
        let feeds = try Self.parse(files.keys.sorted().map { output.appendingPathComponent($0) })
        let meetings = try #require(feeds[output.appendingPathComponent("meetings.ics").path])
        #expect(meetings.name == "Meetings · KAM, Nord; \\ Süd")
        let acme = try #require(meetings.events.first)
        #expect(acme.summary == "Meeting: Acme, Inc.; \\ Logistics \"Nord\"")
        #expect(acme.description == """
            Objective: Agree scope, price; and the \\\\server\\\\ share
            Second line, with a comma.
            With: Lee, Anna, 王丽; 采购总监
            Account owner: Mei Chen
            Brief: accounts/acme/brief.html on the site
            """)
        let chineseName = String(Self.longChineseName.dropLast())
        let huaxin = try #require(meetings.events.last)
        #expect(huaxin.summary == "Meeting: \(chineseName)")
        #expect(huaxin.description?.hasPrefix("Objective: \(chineseName)\nWith: \(chineseName)\n") == true)
        let jonas = try #require(feeds.first { $0.key.hasSuffix("jonas-weber/calendar.ics") }?.value)
        #expect(jonas.events.compactMap(\.summary) == ["Meeting: Acme, Inc.; \\ Logistics \"Nord\"",
                                                       "Due: Send the report, signed; \\ both copies (Acme, Inc.; \\ Logistics \"Nord\")"])
        let mei = try #require(feeds.first { $0.key.hasSuffix("mei-chen/calendar.ics") }?.value)
        #expect(mei.events.compactMap(\.summary) == [
            "Overdue: Baseline data (Acme, Inc.; \\ Logistics \"Nord\")", "Meeting: Acme, Inc.; \\ Logistics \"Nord\"",
            "Due: Pilot, phase 1; go-live (Acme, Inc.; \\ Logistics \"Nord\")", "Due: Board; review (Acme, Inc.; \\ Logistics \"Nord\")",
        ])
        #expect(mei.events.first?.description == "the customer's promise at Acme, Inc.; \\ Logistics \"Nord\"\nReport: accounts/acme/index.html on the site")
    }

    // MARK: Stable UIDs, same bytes

    /// The UID of each event of each feed, by summary (the summaries of the site are unique).
    static func uids(_ output: URL) throws -> [String: [String: String]] {
        let files = try feeds(in: output).keys.sorted()
        let feeds = try parse(files.map { output.appendingPathComponent($0) })
        var result: [String: [String: String]] = [:]
        for file in files {
            let events = feeds[output.appendingPathComponent(file).path]?.events ?? []
            result[file] = Dictionary(events.map { ($0.summary ?? "", $0.uid ?? "") }) { first, _ in first }
        }
        return result
    }

    @Test func uidsStayAcrossBuildsAndEditsOfOtherFields() throws {
        let site = try Self.hostileSite()
        let first = try Self.build(site), second = try Self.build(site)
        #expect(try Self.feeds(in: first) == (try Self.feeds(in: second)), "same input, same bytes")
        let before = try Self.uids(first)

        // Another objective, stage and body; the plan items in another order, one moved to another day.
        try TestSupport.write(["content/accounts/acme.md": Self.hostileDossier(objective: "Something else entirely", stage: "mid",
                                                                               planOrder: ["Board; review", "Pilot, phase 1; go-live"],
                                                                               due: "2027-04-15", body: "Another body.")], under: site)
        let edited = try Self.build(site)
        let after = try Self.uids(edited)
        #expect(after == before, "the same events keep their UIDs")
        let mei = try #require(try Self.feeds(in: edited)["owners/mei-chen/calendar.ics"])
        #expect(mei.contains("DTSTART;VALUE=DATE:20270415") && mei.contains("Something else entirely"), "the events did change")

        // A meeting on another day is another meeting: a new UID.
        try TestSupport.write(["content/accounts/acme.md": Self.hostileDossier(meetingDay: "2026-12-17")], under: site)
        let moved = try Self.uids(try Self.build(site))
        let summary = "Meeting: Acme, Inc.; \\ Logistics \"Nord\""
        #expect(moved["meetings.ics"]?[summary] != nil && moved["meetings.ics"]?[summary] != before["meetings.ics"]?[summary])
        #expect(moved["meetings.ics"]?.count == before["meetings.ics"]?.count)
    }

    @Test func twoItemsWithTheSameTextGetTwoUIDs() throws {
        let site = try Self.hostileSite(Self.hostileDossier(planOrder: ["Same step", "Same step"]))
        let output = try Self.build(site)
        let mei = try Self.parse(output.appendingPathComponent("owners/mei-chen/calendar.ics"))
        let same = mei.events.filter { $0.summary?.hasPrefix("Due: Same step") == true }
        #expect(same.count == 2 && Set(same.compactMap(\.uid)).count == 2)
    }

    // MARK: base_url

    @Test func baseURLGivesAbsoluteLinksAndAddressesToSubscribeTo() throws {
        let site = try Self.hostileSite(settings: "base_url: https://kam.example.com/sites/kam\n")
        let output = try Self.build(site)
        let meetings = try Self.parse(output.appendingPathComponent("meetings.ics"))
        let acme = try #require(meetings.events.first)
        #expect(acme.url == "https://kam.example.com/sites/kam/accounts/acme/brief.html")
        #expect(acme.description?.hasSuffix("\nBrief: https://kam.example.com/sites/kam/accounts/acme/brief.html") == true)
        let mei = try Self.parse(output.appendingPathComponent("owners/mei-chen/calendar.ics"))
        #expect(mei.events.first?.url == "https://kam.example.com/sites/kam/accounts/acme/index.html")
        let page = try String(contentsOf: output.appendingPathComponent("meetings/index.html"), encoding: .utf8)
        #expect(page.contains("Address to subscribe to: <code>https://kam.example.com/sites/kam/meetings.ics</code>"))
        let owner = try String(contentsOf: output.appendingPathComponent("owners/mei-chen/index.html"), encoding: .utf8)
        #expect(owner.contains("<code>https://kam.example.com/sites/kam/owners/mei-chen/calendar.ics</code>"))
        #expect(owner.contains("<a href=\"../../owners/mei-chen/calendar.ics\""), "the page's own link stays relative")
    }

    @Test(arguments: ["ftp://kam.example.com/", "https://", "kam.example.com", "https://kam.example.com/a b", "https://kam.example.com/?page=1",
                      "https://kam.example.com/#top", "https://user@kam.example.com/", "https://kam.example.com/wörter", "[https://a.example]"])
    func aBadBaseURLIsAnErrorThatSaysWhatToWrite(_ value: String) {
        let yaml = "base_url: '\(value)'\n"
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array(yaml.utf8)))
        #expect(config.baseURL == nil)
        #expect(diagnostics.map(\.formatted) == [
            "dossier.yml:1:11: error: 'base_url' must be the http:// or https:// address the site is published at, such as https://kam.example.com/accounts/ (printable ASCII, no query or fragment), found the text '\(value)'",
        ])
    }

    @Test func aGoodBaseURLEndsInASlash() {
        for (value, expected) in [("https://kam.example.com", "https://kam.example.com/"), ("HTTP://intranet:8080/kam/", "HTTP://intranet:8080/kam/"),
                                  ("https://kam.example.com/a%20b", "https://kam.example.com/a%20b/")] {
            let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array("base_url: \(value)\n".utf8)))
            #expect(diagnostics.isEmpty && config.baseURL == expected)
        }
    }

    // MARK: Audiences

    @Test func noPrivatePartReachesAFeedForAnyAudience() throws {
        let site = try AudienceBuildTests.makeSite()
        for audience in [nil, "company", "team"] {
            let output = try Self.build(site, audience: audience)
            let files = try Self.feeds(in: output)
            #expect(Set(files.keys).isSuperset(of: ["meetings.ics", "owners/mei-chen/calendar.ics"]))
            #expect(files.filter { $0.value.contains("CANARY") }.isEmpty, "for \(audience ?? "the default")")
            let meetings = try Self.parse(output.appendingPathComponent("meetings.ics"))
            #expect(meetings.events.map(\.summary) == ["Meeting: Acme Logistics"])
        }
    }
}
