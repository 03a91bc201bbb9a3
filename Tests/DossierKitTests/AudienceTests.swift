import Foundation
import Testing
@testable import DossierKit

/// Audiences: private research (`private:` and `{private}` sections) reaches no output file of a build
/// for an audience that does not see it, and is shown, marked, to one that does.
@Suite struct AudienceTests {
    // MARK: Settings

    private func settings(_ yaml: String) -> (SiteConfig, [String]) {
        let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array(yaml.utf8)))
        return (config, diagnostics.map(\.formatted))
    }

    @Test func withoutAudiencesTheDefaultLeavesPrivatePartsOutAndTeamShowsThem() throws {
        var (config, problems) = settings("title: Research\n")
        #expect(problems.isEmpty)
        #expect(config.audience.showsPrivate == false, "private parts are left out until an audience is chosen")
        #expect(config.selectAudience(nil) == nil)
        #expect(config.audience == Audience(name: "company", showsPrivate: false))
        #expect(config.selectAudience("team") == nil)
        #expect(config.audience == Audience(name: "team", showsPrivate: true))
        #expect(config.selectAudience("sales") == .unknownAudience("sales", known: ["company", "team"]))
        #expect(config.audience.showsPrivate == false)
    }

    @Test func aSiteNamesItsAudiencesAndTheDefault() throws {
        var (config, problems) = settings("audiences:\n  insiders: {private: true}\n  everyone: {private: false}\n  board: {}\ndefault_audience: insiders\n")
        #expect(problems.isEmpty)
        #expect(config.audiences == [Audience(name: "insiders", showsPrivate: true), Audience(name: "everyone", showsPrivate: false),
                                     Audience(name: "board", showsPrivate: false)])
        #expect(config.selectAudience(nil) == nil)
        #expect(config.audience.name == "insiders" && config.audience.showsPrivate)
        #expect(config.selectAudience("team") == .unknownAudience("team", known: ["insiders", "everyone", "board"]))

        var (noDefault, _) = settings("audiences: {insiders: {private: true}}\n")
        #expect(noDefault.selectAudience(nil) == nil)
        #expect(noDefault.audience.showsPrivate == false, "no default_audience: private parts are left out")
    }

    @Test func badAudienceSettingsAreErrorsAtTheirPlace() {
        #expect(settings("audiences: [team]\n").1 == ["dossier.yml:1:12: error: 'audiences' must be a mapping of keys to values, found a list"])
        #expect(settings("audiences:\n  team: {private: yes}\n").1 == ["dossier.yml:2:19: error: 'audiences.team.private' must be true or false, found the text 'yes'"])
        #expect(settings("audiences:\n  team: {privat: true}\n").1 == ["dossier.yml:2:10: warning: unknown key 'audiences.team.privat'; did you mean 'private'?"])
        #expect(settings("default_audience: staff\n").1 == ["dossier.yml:1:19: error: unknown default_audience 'staff'; expected one of: company, team"])
    }

    // MARK: The private mapping

    static let privateFrontMatter = """
        ---
        name: Acme
        owner: Mei Chen
        stage: early
        private:
          walk_away: 2.1M
          2027: a year as a key
          people:
            Anna: [likes golf, {partner: Ben}]
          empty:
        ---

        """

    private func decoded(_ text: String, audience: Audience) -> (Dossier?, [Diagnostic]) {
        var config = SiteConfig()
        config.audience = audience
        let (analyzed, diagnostics) = TestSupport.analyze(text, config: config)
        return (analyzed?.dossier, diagnostics.filter { $0.severity != .note })
    }

    @Test func thePrivateMappingIsFlattenedInReadingOrder() throws {
        let (dossier, diagnostics) = decoded(Self.privateFrontMatter, audience: Audience(name: "team", showsPrivate: true))
        #expect(diagnostics.isEmpty)
        #expect(try #require(dossier).privateNotes == [
            PrivateNote(depth: 0, key: "walk_away", value: "2.1M"),
            PrivateNote(depth: 0, key: "2027", value: "a year as a key"),
            PrivateNote(depth: 0, key: "people", value: nil),
            PrivateNote(depth: 1, key: "Anna", value: nil),
            PrivateNote(depth: 2, key: nil, value: "likes golf"),
            PrivateNote(depth: 2, key: nil, value: nil),
            PrivateNote(depth: 3, key: "partner", value: "Ben"),
            PrivateNote(depth: 0, key: "empty", value: ""),
        ])
    }

    @Test func anAudienceThatDoesNotSeePrivatePartsGetsNoPrivateMapping() throws {
        let (dossier, _) = decoded(Self.privateFrontMatter, audience: Audience(name: "company", showsPrivate: false))
        #expect(try #require(dossier).privateNotes.isEmpty)
        #expect(dossier?.keyLines["private"] == nil)
    }

    @Test func aPrivateMappingOfTheWrongShapeIsAnErrorThatNeverRepeatsItsValues() {
        let list = decoded("---\nname: A\nowner: B\nstage: pre\nprivate: [secret-value]\n---\n", audience: Audience(name: "team", showsPrivate: true)).1
        #expect(list.map(\.formatted) == ["content/accounts/acme.md:5:10: error: 'private' must be a mapping of keys to values, found a list"])
        let key = decoded("---\nname: A\nowner: B\nstage: pre\nprivate:\n  ? [secret-key]\n  : secret-value\n---\n", audience: Audience(name: "team", showsPrivate: true)).1
        // A key that is a list is refused before Yams composes the mapping (FuzzRegressionTests).
        #expect(key.map(\.formatted) == ["content/accounts/acme.md:6:3: error: a key must be a word or text, not a list or mapping; write `key: value`"])
    }

    @Test func privateNotesSurviveTheCacheForm() throws {
        var dossier = try #require(decoded(Self.privateFrontMatter, audience: Audience(name: "team", showsPrivate: true)).0)
        dossier.body = ""
        let entry = ParsedDossier.Value(dossier: dossier, body: RenderedMarkdown(html: "<p>x</p>", talkingPointsHTML: nil))
        let decoded = try #require(ParsedDossier.Value(bytes: entry.bytes))
        #expect(decoded.dossier == dossier)
        #expect(decoded.dossier.privateNotes.count == 8)
    }

    @Test func aChangedPrivateMappingIsOneLineWithoutValues() throws {
        let team = Audience(name: "team", showsPrivate: true)
        let old = try #require(decoded(Self.privateFrontMatter, audience: team).0)
        let new = try #require(decoded(Self.privateFrontMatter.replacingOccurrences(of: "2.1M", with: "1.9M"), audience: team).0)
        #expect(ChangeDetector.changes(from: old, to: new).map { $0.text(in: .english) } == ["private notes changed"])
        #expect(ChangeDetector.changes(from: old, to: new).first?.text(in: .builtin("zh")) == "私密笔记有更改")
    }
}
