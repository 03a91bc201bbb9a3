import Foundation
import Testing
@testable import DossierKit

/// Control characters from YAML escapes (`"\e]0;pwned\a"`, `"\e[2J"`) never reach a terminal raw.
@Suite struct TerminalTextTests {
    /// True when `text` holds a control character a terminal would act on (tab and newline are fine).
    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func theEscaperWritesEveryControlButTabAsAnEscape() {
        #expect(TerminalText.escaped("a\u{1B}]0;pwned\u{07}b") == "a\\u{1B}]0;pwned\\u{7}b")
        #expect(TerminalText.escaped("tab\tstays, line\nbreaks do not") == "tab\tstays, line\\u{A}breaks do not")
        #expect(TerminalText.escaped("line\nbreak", keepsNewlines: true) == "line\nbreak")
        #expect(TerminalText.escaped("nul\u{0} del\u{7F} c1\u{85}\u{9B}") == "nul\\u{0} del\\u{7F} c1\\u{85}\\u{9B}")
        #expect(TerminalText.escaped("Ünïcödé 中文 ✓") == "Ünïcödé 中文 ✓")
    }

    static let hostile = """
        ---
        name: "Acme\\e]0;pwned\\a"
        owner: Mei Chen
        stage: "mid\\e[2J"
        "key\\e[31m": 1
        "c1\\u009B": 2
        ---

        """

    @Test func checkShowsControlCharactersEscapedInTextAndJSON() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": Self.hostile], under: site)
        let checker = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false)
        let text = checker.check(format: .text).output
        #expect(!Self.hasRawControls(text))
        #expect(text.contains("unknown stage 'mid\\u{1B}[2J'"))
        #expect(text.contains("unknown key 'key\\u{1B}[31m'"))
        let json = checker.check(format: .json).output
        #expect(!Self.hasRawControls(json))
        // The JSON still carries the message exactly: decoding gives back the raw character.
        struct Document: Decodable { struct Entry: Decodable { let message: String }; let diagnostics: [Entry] }
        let decoded = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        #expect(decoded.diagnostics.contains { $0.message.contains("'c1\u{9B}'") })
    }

    @Test func changesShowControlCharactersFromHistoryEscaped() throws {
        let repository = try TestSupport.makeTemporaryFolder()
        let site = repository.appendingPathComponent("research")
        try HistoryTests.git(["init", "-q"], in: repository)
        let before = "---\nname: Acme\nowner: \"Mei\\e]0;pwned\\a\\e[2J\"\nstage: early\n---\n"
        try TestSupport.write(["content/accounts/acme.md": before], under: site)
        try HistoryTests.git(["add", "."], in: repository)
        try HistoryTests.git(["commit", "-q", "-m", "Research"], in: repository, date: "2026-09-01T10:00:00+00:00")
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei Chen\nstage: early\n---\n"], under: site)
        try HistoryTests.git(["commit", "-q", "-am", "Owner"], in: repository, date: "2026-10-16T10:00:00+00:00")
        let text = try ChangeReport(siteRoot: site, asOf: TestSupport.asOf, since: Day(parsing: "2026-10-01")).text().get()
        #expect(!Self.hasRawControls(text))
        #expect(text.contains("owner changed from Mei\\u{1B}]0;pwned\\u{7}\\u{1B}[2J to Mei Chen"))
    }

    @Test func theCommandLinePrintsNoRawControlCharacters() throws {
        let binaries = try #require(HookTests.binaryFolder, "the dossier executable was not built")
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": Self.hostile], under: site)
        let dossier = binaries.appendingPathComponent("dossier").path
        for arguments in [["check", "--no-notes"], ["build"], ["changes"], ["check", "--format", "json"]] {
            let (status, output) = try TestSupport.run(dossier, arguments + ["--site", site.path, "--as-of", "2026-11-26"], includesErrors: true)
            #expect(status == 1)
            #expect(!output.isEmpty)
            #expect(!Self.hasRawControls(output), "dossier \(arguments.joined(separator: " ")) printed a raw control character")
        }
        // Usage errors repeat the argument or the environment variable: escaped too.
        let usage = try TestSupport.run(dossier, ["changes", "--site", site.path, "--since", "\u{1B}[2J"], includesErrors: true)
        #expect(usage.status == 64 && usage.output.contains("\\u{1B}[2J") && !Self.hasRawControls(usage.output))
        let epoch = try TestSupport.run(dossier, ["check", "--site", site.path], environment: ["SOURCE_DATE_EPOCH": "9223372036854775807"], includesErrors: true)
        #expect(epoch.status == 64 && epoch.output.contains("SOURCE_DATE_EPOCH '9223372036854775807' is not a whole number"))
    }
}
