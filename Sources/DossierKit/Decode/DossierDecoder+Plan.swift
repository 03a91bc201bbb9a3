import Yams

/// The account plan: objectives, value, opportunities, white space, economics, governance and stage evidence,
/// with the checks of names that must match another list (`reports_to`, offerings).
extension DossierDecoder {
    static func decodeObjective(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Objective? {
        guard let fields = reader.fields(of: node, at: path, known: knownKeys(at: "objectives[]")) else { return nil }
        let measure: Objective.Measure? = reader.keyword(fields["measure"], at: fields.path("measure"))
        let target = decodeObjectiveTarget(fields["target"], measure: measure, isMeasureKnown: fields["measure"] == nil || measure != nil,
                                           at: fields.path("target"), reader: &reader)
        let by = reader.day(fields["by"], at: fields.path("by"))
        guard let goal = requiredText(fields, "goal", reader: &reader) else { return nil }
        return Objective(goal: goal, measure: measure, target: target, by: by, line: reader.location(of: node).line)
    }

    /// The target in the kind its measure asks for; as written when there is no measure, and not read
    /// at all when the measure itself was wrong (its error is enough).
    private static func decodeObjectiveTarget(_ node: Node?, measure: Objective.Measure?, isMeasureKnown: Bool, at keyPath: String,
                                              reader: inout NodeReader) -> Objective.TargetValue? {
        guard isMeasureKnown else { return nil }
        switch measure {
        case .shareOfWallet, .onTimeRate:
            return reader.fraction(node, at: keyPath, isShare: true).map { .fraction($0) }
        case .ourRevenue:
            return reader.money(node, at: keyPath, allowsNegative: false).map { .amount($0) }
        case .stage:
            return (reader.keyword(node, at: keyPath) as Stage?).map { .stage($0) }
        case nil:
            guard let node, !reader.isNull(node) else { return nil }
            guard case .scalar(let scalar) = node else {
                reader.report(.wrongType(key: keyPath, expected: "text or a number", found: reader.describe(node)), at: node)
                return nil
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : .text(text)
        }
    }

    static func decodeValue(_ node: Node?, reader: inout NodeReader) -> ValueCase? {
        guard let fields = reader.fields(of: node, at: "value", known: knownKeys(at: "value")) else { return nil }
        return ValueCase(
            proposition: reader.text(fields["proposition"], at: "value.proposition"),
            outcomes: reader.list(fields["outcomes"], at: "value.outcomes", element: decodeOutcome)
        )
    }

    private static func decodeOutcome(_ reader: inout NodeReader, _ node: Node, _ path: String) -> ValueCase.Outcome? {
        let known = knownKeys(at: "value.outcomes[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        let baseline = reader.metricValue(fields["baseline"], at: fields.path("baseline"))
        let target = reader.metricValue(fields["target"], at: fields.path("target"))
        let actual = reader.metricValue(fields["actual"], at: fields.path("actual"))
        let agreedBy = reader.text(fields["agreed_by"], at: fields.path("agreed_by"))
        guard let metric = requiredText(fields, "metric", reader: &reader) else { return nil }
        return ValueCase.Outcome(metric: metric, baseline: baseline, target: target, actual: actual, agreedBy: agreedBy,
                                 line: reader.location(of: node).line)
    }

    static func decodeOpportunity(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Opportunity? {
        let known = knownKeys(at: "opportunities[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        let offering = reader.text(fields["offering"], at: fields.path("offering"))
        let value = reader.money(fields["value"], at: fields.path("value"), allowsNegative: false)
        let stage: Opportunity.SalesStage? = reader.keyword(fields["stage"], at: fields.path("stage"))
        let close = reader.day(fields["close"], at: fields.path("close"))
        let owner = reader.text(fields["owner"], at: fields.path("owner"))
        guard let name = requiredText(fields, "name", reader: &reader) else { return nil }
        return Opportunity(name: name, offering: offering, value: value, stage: stage, close: close, owner: owner,
                           line: reader.location(of: node).line)
    }

    static func decodeBuyingCentre(_ reader: inout NodeReader, _ node: Node, _ path: String) -> BuyingCentre? {
        guard let fields = reader.fields(of: node, at: path, known: knownKeys(at: "whitespace[]")) else { return nil }
        let ours = reader.textList(fields["ours"], at: fields.path("ours"))
        let competitors = decodeSupplies(fields["competitors"], at: fields.path("competitors"), reader: &reader)
        let open = reader.textList(fields["open"], at: fields.path("open"))
        guard let name = requiredText(fields, "centre", reader: &reader) else { return nil }
        return BuyingCentre(name: name, ours: ours, competitors: competitors, open: open, line: reader.location(of: node).line)
    }

    /// `competitors: {AS/RS: Kessler Systems}`: offering → competitor, in the order written.
    private static func decodeSupplies(_ node: Node?, at keyPath: String, reader: inout NodeReader) -> [BuyingCentre.Supply] {
        guard let node, !reader.isNull(node) else { return [] }
        guard case .mapping(let mapping) = node else {
            reader.report(.notAMapping(key: keyPath, found: reader.describe(node)), at: node)
            return []
        }
        var supplies: [BuyingCentre.Supply] = []
        for (key, value) in mapping {
            guard let offering = reader.text(key, at: keyPath) else { continue }
            guard let supplier = reader.text(value, at: "\(keyPath).\(offering)") else {
                if reader.isNull(value) { reader.report(.emptyValue(key: "\(keyPath).\(offering)"), at: value) }
                continue
            }
            supplies.append(BuyingCentre.Supply(offering: offering, supplier: supplier))
        }
        return supplies
    }

    static func decodeEconomics(_ node: Node?, reader: inout NodeReader) -> Economics? {
        guard let fields = reader.fields(of: node, at: "economics", known: knownKeys(at: "economics")) else { return nil }
        var economics = Economics()
        if let feasibility = reader.fields(of: fields["feasibility"], at: "economics.feasibility", known: knownKeys(at: "economics.feasibility")) {
            economics.feasibility = Economics.Feasibility(
                verdict: reader.keyword(feasibility["verdict"], at: "economics.feasibility.verdict"),
                decided: reader.day(feasibility["decided"], at: "economics.feasibility.decided"),
                reason: reader.text(feasibility["reason"], at: "economics.feasibility.reason")
            )
        }
        economics.years = reader.list(fields["years"], at: "economics.years", element: decodeEconomicsYear).sorted { $0.year < $1.year }
        return economics
    }

    private static func decodeEconomicsYear(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Economics.Year? {
        let known = knownKeys(at: "economics.years[]")
        guard let fields = reader.fields(of: node, at: path, known: known) else { return nil }
        guard let year = requiredValue(fields, "year", reader: &reader, read: { $0.integer($1, at: $2, in: 1800...9999) }) else { return nil }
        return Economics.Year(
            year: year,
            ourRevenue: reader.money(fields["our_revenue"], at: fields.path("our_revenue"), allowsNegative: false),
            grossMargin: reader.fraction(fields["gross_margin"], at: fields.path("gross_margin"), isShare: false),
            costToServe: reader.money(fields["cost_to_serve"], at: fields.path("cost_to_serve"), allowsNegative: false)
        )
    }

    static func decodeGovernance(_ node: Node?, reader: inout NodeReader) -> Governance? {
        let known = knownKeys(at: "governance")
        guard let fields = reader.fields(of: node, at: "governance", known: known) else { return nil }
        return Governance(
            sponsors: reader.list(fields["sponsors"], at: "governance.sponsors", element: decodeSponsorPair),
            reviewEveryMonths: reader.integer(fields["review_every_months"], at: "governance.review_every_months", in: 1...60),
            lastReview: reader.day(fields["last_review"], at: "governance.last_review")
        )
    }

    private static func decodeSponsorPair(_ reader: inout NodeReader, _ node: Node, _ path: String) -> Governance.SponsorPair? {
        guard let fields = reader.fields(of: node, at: path, known: knownKeys(at: "governance.sponsors[]")) else { return nil }
        let pair = Governance.SponsorPair(
            ours: reader.text(fields["ours"], at: fields.path("ours")),
            theirs: reader.text(fields["theirs"], at: fields.path("theirs")),
            lastMet: reader.day(fields["last_met"], at: fields.path("last_met")),
            line: reader.location(of: node).line
        )
        guard pair.ours != nil || pair.theirs != nil else {
            reader.report(.missingKey(fields.path("ours")), at: node)
            return nil
        }
        return pair
    }

    static func decodeStageEvidence(_ node: Node?, reader: inout NodeReader) -> StageEvidence? {
        let known = knownKeys(at: "stage_evidence")
        guard let fields = reader.fields(of: node, at: "stage_evidence", known: known) else { return nil }
        return StageEvidence(
            functions: reader.textList(fields["functions"], at: "stage_evidence.functions"),
            shares: reader.list(fields["shares"], at: "stage_evidence.shares") { reader, node, path in
                reader.keyword(node, at: path, named: "shared information")
            },
            supplierStatus: reader.keyword(fields["supplier_status"], at: "stage_evidence.supplier_status"),
            jointPlan: reader.flag(fields["joint_plan"], at: "stage_evidence.joint_plan")
        )
    }

    /// Warns about each `reports_to` that names nobody in `names` (the stakeholders), at its value.
    static func checkReportsTo(_ stakeholders: Node?, names: [String], reader: inout NodeReader) {
        for (index, item) in (stakeholders?.sequence ?? []).enumerated() {
            guard let node = entry("reports_to", of: item), let name = plainText(node), !names.contains(name) else { continue }
            let suggestion = Suggestion.closest(to: name, among: names)
            reader.report(.unknownStakeholder(key: "stakeholders[\(index)].reports_to", name: name, suggestion: suggestion), at: node, severity: .warning)
        }
    }

    /// Warns about each offering named in `opportunities` and `whitespace` that is not among the site's `offerings`.
    static func checkOfferings(_ fields: Fields, offerings: [String], reader: inout NodeReader) {
        var named: [(node: Node, keyPath: String)] = []
        for (index, item) in (fields["opportunities"]?.sequence ?? []).enumerated() {
            if let node = entry("offering", of: item) { named.append((node, "opportunities[\(index)].offering")) }
        }
        for (index, item) in (fields["whitespace"]?.sequence ?? []).enumerated() {
            for (keyNode, value) in item.mapping ?? Node.Mapping([]) {
                switch keyNode.scalar?.string {
                case let key? where key == "ours" || key == "open":
                    for (position, node) in (value.sequence ?? []).enumerated() {
                        named.append((node, "whitespace[\(index)].\(key)[\(position)]"))
                    }
                case "competitors":
                    for (offering, _) in value.mapping ?? Node.Mapping([]) {
                        named.append((offering, "whitespace[\(index)].competitors"))
                    }
                default:
                    break
                }
            }
        }
        for (node, keyPath) in named {
            guard let name = plainText(node), !offerings.contains(name) else { continue }
            let suggestion = Suggestion.closest(to: name, among: offerings)
            reader.report(.unknownOffering(key: keyPath, name: name, suggestion: suggestion), at: node, severity: .warning)
        }
    }

    /// The value of `key` in a mapping node, or nil.
    private static func entry(_ key: String, of node: Node) -> Node? {
        node.mapping?.first { $0.key.scalar?.string == key }?.value
    }

    /// A scalar's text when it is text (not a number, boolean or null), trimmed; nil otherwise.
    private static func plainText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, tagName(node) == .str else { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
