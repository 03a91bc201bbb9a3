import Foundation
import Yams

/// Decodes and validates a dossier's front-matter against the dossier format.
///
/// Returns a dossier whenever the required keys are usable, even with errors elsewhere, so `check`
/// reports every problem in one run; the build refuses to write when any error was reported.
/// The keys it knows come from `shape` (DossierDecoder+Shape.swift), which `dossier schema` prints too.
enum DossierDecoder {
    /// `offerings` are the site's (dossier.yml); when not empty, every offering the dossier names is checked against them.
    static func decode(_ root: Node?, frontMatter: FrontMatter, file: SourceFile, offerings: [String] = []) -> (Dossier?, [Diagnostic]) {
        var reader = NodeReader(path: file.path, yamlLine: frontMatter.yamlLine, yaml: frontMatter.yaml)
        guard let root, !reader.isNull(root) else {
            let location = SourceLocation(path: file.path)
            let missing = ["name", "owner", "stage"].map { Diagnostic(.error, .missingKey($0), at: location, in: .decode) }
            return (nil, missing)
        }
        reader.reportControlCharacters(in: root, at: nil)
        guard let fields = reader.fields(of: root, at: nil, known: knownKeys(at: "")) else {
            return (nil, reader.diagnostics)
        }
        let name = required(fields, "name", reader: &reader) { $0.text($1, at: $2) }
        let owner = required(fields, "owner", reader: &reader) { $0.text($1, at: $2) }
        let stage: Stage? = required(fields, "stage", reader: &reader) { $0.keyword($1, at: $2) }
        var dossier = Dossier(slug: file.slug, path: file.path, name: name ?? "", owner: owner ?? "", stage: stage ?? .pre)
        dossier.crmID = reader.text(fields["crm_id"], at: "crm_id")
        dossier.team = reader.textList(fields["team"], at: "team")
        dossier.stageSince = reader.day(fields["stage_since"], at: "stage_since")
        dossier.target = decodeTarget(fields["target"], reader: &reader)
        dossier.tier = reader.text(fields["tier"], at: "tier")
        dossier.reviewed = reader.day(fields["reviewed"], at: "reviewed")
        dossier.tags = reader.textList(fields["tags"], at: "tags")
        dossier.segments = reader.list(fields["segments"], at: "segments", element: decodeSegment)
        dossier.financials = decodeFinancials(fields["financials"], reader: &reader)
        dossier.strategy = decodeStrategy(fields["strategy"], reader: &reader)
        dossier.competitors = reader.list(fields["competitors"], at: "competitors", element: decodeCompetitor)
        dossier.externalFactors = reader.list(fields["external_factors"], at: "external_factors", element: decodeFactor)
        for index in dossier.externalFactors.indices { dossier.externalFactors[index].index = index }
        dossier.stakeholders = reader.list(fields["stakeholders"], at: "stakeholders", element: decodeStakeholder)
        dossier.motives = reader.textList(fields["motives"], at: "motives")
        dossier.buyingBasis = reader.list(fields["buying_basis"], at: "buying_basis") { reader, node, path in
            reader.keyword(node, at: path, named: "buying basis")
        }
        dossier.engagement = reader.keyword(fields["engagement"], at: "engagement")
        dossier.commitments = reader.list(fields["commitments"], at: "commitments", element: decodeCommitment)
        dossier.objectives = reader.list(fields["objectives"], at: "objectives", element: decodeObjective)
        let objectiveCount = dossier.objectives.count
        dossier.plan = reader.list(fields["plan"], at: "plan") { reader, node, path in
            decodeMilestone(&reader, node, path, objectiveCount: objectiveCount)
        }
        dossier.value = decodeValue(fields["value"], reader: &reader)
        dossier.opportunities = reader.list(fields["opportunities"], at: "opportunities", element: decodeOpportunity)
        dossier.whitespace = reader.list(fields["whitespace"], at: "whitespace", element: decodeBuyingCentre)
        dossier.economics = decodeEconomics(fields["economics"], reader: &reader)
        dossier.governance = decodeGovernance(fields["governance"], reader: &reader)
        dossier.stageEvidence = decodeStageEvidence(fields["stage_evidence"], reader: &reader)
        checkReportsTo(fields["stakeholders"], names: dossier.stakeholders.map(\.name), reader: &reader)
        if !offerings.isEmpty { checkOfferings(fields, offerings: offerings, reader: &reader) }
        dossier.assessment = decodeAssessment(fields["assessment"], reader: &reader)
        dossier.nextMeeting = decodeMeeting(fields["next_meeting"], reader: &reader)
        dossier.privateNotes = decodePrivateNotes(fields["private"], reader: &reader)
        dossier.body = frontMatter.body
        dossier.bodyLine = frontMatter.bodyLine
        dossier.keyLines = fields.keyLines
        let isUsable = name != nil && owner != nil && stage != nil
        return (isUsable ? dossier : nil, reader.diagnostics)
    }

    /// Reads a required key, reporting it as missing at the front-matter's first key when absent.
    private static func required<T>(
        _ fields: Fields, _ key: String, reader: inout NodeReader,
        read: (inout NodeReader, Node?, String) -> T?
    ) -> T? {
        guard let node = fields[key] else {
            reader.report(.missingKey(key), at: fields.node)
            return nil
        }
        if let value = read(&reader, node, key) { return value }
        reader.reportIfEmpty(node, key: key)
        return nil
    }

    private static func decodeTarget(_ node: Node?, reader: inout NodeReader) -> Target? {
        guard let fields = reader.fields(of: node, at: "target", known: knownKeys(at: "target")) else { return nil }
        return Target(stage: reader.keyword(fields["stage"], at: "target.stage"), by: reader.day(fields["by"], at: "target.by"))
    }

    private static func decodeSegment(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Segment? {
        guard let fields = reader.fields(of: node, at: path, known: knownKeys(at: "segments[]")) else { return nil }
        guard let name = requiredText(fields, "name", reader: &reader) else { return nil }
        return Segment(
            name: name,
            share: reader.fraction(fields["share"], at: fields.path("share"), isShare: true),
            trend: reader.keyword(fields["trend"], at: fields.path("trend"))
        )
    }

    private static func decodeFinancials(_ node: Node?, reader: inout NodeReader) -> Financials? {
        let known = knownKeys(at: "financials")
        guard let fields = reader.fields(of: node, at: "financials", known: known) else { return nil }
        var financials = Financials()
        financials.currency = reader.currency(fields["currency"], at: "financials.currency")
        financials.years = reader.list(fields["years"], at: "financials.years", element: decodeYear).sorted { $0.year < $1.year }
        financials.rating = reader.text(fields["rating"], at: "financials.rating")
        if let wallet = reader.fields(of: fields["wallet"], at: "financials.wallet", known: knownKeys(at: "financials.wallet")) {
            financials.wallet = Financials.Wallet(
                total: reader.money(wallet["total"], at: "financials.wallet.total", allowsNegative: false),
                ours: reader.money(wallet["ours"], at: "financials.wallet.ours", allowsNegative: false)
            )
        }
        return financials
    }

    private static func decodeYear(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Financials.Year? {
        let known = knownKeys(at: "financials.years[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        guard let year = requiredValue(fields, "year", reader: &reader, read: { $0.integer($1, at: $2, in: 1800...9999) }) else { return nil }
        return Financials.Year(
            year: year,
            revenue: reader.money(fields["revenue"], at: fields.path("revenue")),
            operatingMargin: reader.fraction(fields["operating_margin"], at: fields.path("operating_margin"), isShare: false),
            netIncome: reader.money(fields["net_income"], at: fields.path("net_income")),
            employees: reader.integer(fields["employees"], at: fields.path("employees"), in: 0...100_000_000)
        )
    }

    private static func decodeStrategy(_ node: Node?, reader: inout NodeReader) -> Strategy? {
        guard let fields = reader.fields(of: node, at: "strategy", known: knownKeys(at: "strategy")) else { return nil }
        return Strategy(
            summary: reader.text(fields["summary"], at: "strategy.summary"),
            priorities: reader.textList(fields["priorities"], at: "strategy.priorities")
        )
    }

    private static func decodeCompetitor(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Competitor? {
        let known = knownKeys(at: "competitors[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        guard let name = requiredText(fields, "name", reader: &reader) else { return nil }
        return Competitor(
            name: name,
            position: reader.keyword(fields["position"], at: fields.path("position")),
            share: reader.fraction(fields["share"], at: fields.path("share"), isShare: true),
            strengths: reader.textList(fields["strengths"], at: fields.path("strengths")),
            weaknesses: reader.textList(fields["weaknesses"], at: fields.path("weaknesses"))
        )
    }

    private static func decodeFactor(_ reader: inout NodeReader, _ node: Node, _ path: String) -> ExternalFactor? {
        guard let fields = reader.fields(of: node, at: path, known: knownKeys(at: "external_factors[]")) else { return nil }
        let kind: ExternalFactor.Kind? = reader.keyword(fields["kind"], at: fields.path("kind"))
        let impact: ExternalFactor.Impact? = reader.keyword(fields["impact"], at: fields.path("impact"))
        guard let summary = requiredText(fields, "summary", reader: &reader) else { return nil }
        return ExternalFactor(kind: kind, summary: summary, impact: impact, index: 0)
    }

    private static func decodeStakeholder(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Stakeholder? {
        let known = knownKeys(at: "stakeholders[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        let title = reader.text(fields["title"], at: fields.path("title"))
        let role: Stakeholder.Role? = reader.keyword(fields["role"], at: fields.path("role"))
        let stance: Stakeholder.Stance? = reader.keyword(fields["stance"], at: fields.path("stance"))
        let influence: Level? = reader.keyword(fields["influence"], at: fields.path("influence"))
        let reportsTo = reader.text(fields["reports_to"], at: fields.path("reports_to"))
        let ourContact = reader.text(fields["our_contact"], at: fields.path("our_contact"))
        let wins = reader.textList(fields["wins"], at: fields.path("wins"))
        let lastContact = reader.day(fields["last_contact"], at: fields.path("last_contact"))
        guard let name = requiredText(fields, "name", reader: &reader) else { return nil }
        let line = reader.location(of: node).line
        return Stakeholder(name: name, title: title, role: role, stance: stance, lastContact: lastContact, line: line,
                           influence: influence, reportsTo: reportsTo, ourContact: ourContact, wins: wins)
    }

    private static func decodeCommitment(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Commitment? {
        let known = knownKeys(at: "commitments[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        let party: Commitment.Party? = reader.keyword(fields["by"], at: fields.path("by"), named: "party")
        let owner = reader.text(fields["owner"], at: fields.path("owner"))
        let due = reader.day(fields["due"], at: fields.path("due"))
        let originalDue = reader.day(fields["original_due"], at: fields.path("original_due"))
        let done = reader.day(fields["done"], at: fields.path("done"))
        let remedy = reader.text(fields["remedy"], at: fields.path("remedy"))
        let valued: Level? = reader.keyword(fields["valued"], at: fields.path("valued"), named: "rating")
        guard let promise = requiredText(fields, "promise", reader: &reader) else { return nil }
        let line = reader.location(of: node).line
        return Commitment(promise: promise, owner: owner, due: due, done: done, remedy: remedy, line: line,
                          promisedBy: party ?? .us, originalDue: originalDue, valued: valued)
    }

    /// A plan item; its `objective` must be the 1-based number of one of the `objectiveCount` objectives.
    private static func decodeMilestone(_ reader: inout NodeReader, _ node: Node, _ path: String, objectiveCount: Int) -> Milestone? {
        guard let fields = reader.fields(of: node, at: path, known: knownKeys(at: "plan[]")) else { return nil }
        let owner = reader.text(fields["owner"], at: fields.path("owner"))
        let due = reader.day(fields["due"], at: fields.path("due"))
        let done = reader.day(fields["done"], at: fields.path("done"))
        var objective = reader.integer(fields["objective"], at: fields.path("objective"), in: Int.min...Int.max)
        if let number = objective, !(1...max(1, objectiveCount)).contains(number) || objectiveCount == 0 {
            let expected = switch objectiveCount {
            case 0: "the number of one of the objectives, but the dossier lists none under `objectives:`"
            case 1: "1, the number of the only objective"
            default: "the number of one of the objectives, from 1 to \(objectiveCount)"
            }
            reader.report(.outOfRange(key: fields.path("objective"), value: String(number), expected: expected), at: fields["objective"])
            objective = nil
        }
        guard let text = requiredText(fields, "milestone", reader: &reader) else { return nil }
        return Milestone(milestone: text, due: due, done: done, line: reader.location(of: node).line, owner: owner, objective: objective)
    }

    private static func decodeAssessment(_ node: Node?, reader: inout NodeReader) -> Assessment? {
        guard let fields = reader.fields(of: node, at: "assessment", known: knownKeys(at: "assessment")) else { return nil }
        return Assessment(
            attractiveness: reader.integer(fields["attractiveness"], at: "assessment.attractiveness", in: 1...5),
            strength: reader.integer(fields["strength"], at: "assessment.strength", in: 1...5)
        )
    }

    private static func decodeMeeting(_ node: Node?, reader: inout NodeReader) -> Meeting? {
        let known = knownKeys(at: "next_meeting")
        guard let fields = reader.fields(of: node, at: "next_meeting", known: known) else { return nil }
        return Meeting(
            date: reader.day(fields["date"], at: "next_meeting.date"),
            with: reader.textList(fields["with"], at: "next_meeting.with"),
            objective: reader.text(fields["objective"], at: "next_meeting.objective"),
            ask: reader.text(fields["ask"], at: "next_meeting.ask"),
            fallback: reader.text(fields["fallback"], at: "next_meeting.fallback"),
            theirInterests: reader.textList(fields["their_interests"], at: "next_meeting.their_interests"),
            options: reader.textList(fields["options"], at: "next_meeting.options")
        )
    }

    /// A list item's required text field, reported as missing at the item when absent.
    static func requiredText(_ fields: Fields, _ key: String, reader: inout NodeReader) -> String? {
        requiredValue(fields, key, reader: &reader) { $0.text($1, at: $2) }
    }

    /// Reads a required key of a list item or a mapping, reporting it when it is absent, or null or
    /// blank (a value of the wrong type is reported by `read`).
    static func requiredValue<T>(
        _ fields: Fields, _ key: String, reader: inout NodeReader, read: (inout NodeReader, Node, String) -> T?
    ) -> T? {
        guard let node = fields[key] else {
            reader.report(.missingKey(fields.path(key)), at: fields.node)
            return nil
        }
        if let value = read(&reader, node, fields.path(key)) { return value }
        reader.reportIfEmpty(node, key: fields.path(key))
        return nil
    }
}
