/// How an imported account is written into its dossier: the keys the CRM owns, and a whole new file.
extension CRMAccount {
    /// The comment at the top of an imported dossier.
    static let header = """
        # Imported by `dossier import`. crm_id, name and the keys filled from the CRM's columns (owner, stage and tier
        # when mapped, opportunities with --opportunities) belong to the CRM: the next import updates them, so change
        # them in the CRM. Everything else is yours, and no import changes it. See docs/working-with-other-tools.md.
        """

    /// The top-level keys the CRM owns in this account's dossier and their YAML lines, in the order they are
    /// written. `offerings` carries each opportunity's `offering` (by opportunity name) over from the dossier:
    /// the CRM has none, the team sets it.
    func ownedKeys(includesDeals: Bool, offerings: [String: String] = [:]) -> [(key: String, lines: [String])] {
        var keys: [(key: String, lines: [String])] = [
            ("crm_id", ["crm_id: \(YAMLText.quoted(crmID))"]),
            ("name", ["name: \(YAMLText.quoted(name))"]),
        ]
        if ownerIsFromCRM, let owner { keys.append(("owner", ["owner: \(YAMLText.quoted(owner))"])) }
        if let stage { keys.append(("stage", ["stage: \(stage.rawValue)"])) }
        if let tier { keys.append(("tier", ["tier: \(YAMLText.quoted(tier))"])) }
        if includesDeals { keys.append(("opportunities", opportunityLines(offerings: offerings))) }
        return keys
    }

    /// The `opportunities:` lines.
    func opportunityLines(offerings: [String: String] = [:]) -> [String] {
        guard !deals.isEmpty else { return ["opportunities: []"] }
        var lines = ["opportunities:"]
        for deal in deals {
            lines.append("  - name: \(YAMLText.quoted(deal.name))")
            if let offering = offerings[deal.name] { lines.append("    offering: \(YAMLText.quoted(offering))") }
            if let value = deal.value { lines.append("    value: \(YAMLText.number(value))") }
            if let stage = deal.stage { lines.append("    stage: \(stage.rawValue)") }
            if let close = deal.close { lines.append("    close: \(close)") }
            if let owner = deal.owner { lines.append("    owner: \(YAMLText.quoted(owner))") }
        }
        return lines
    }

    /// The opportunities as the dossier decodes them (lines aside), to compare with a dossier's.
    func opportunities(offerings: [String: String]) -> [Opportunity] {
        deals.map { Opportunity(name: $0.name, offering: offerings[$0.name], value: $0.value, stage: $0.stage, close: $0.close, owner: $0.owner, line: 0) }
    }

    /// A new dossier for the account: the owned keys, what the CRM knows besides (seeded once, the team's
    /// afterwards: stage, tags, financials, stakeholders) and the body's usual sections.
    func dossierText(includesDeals: Bool, revenueYear: Int) -> String {
        var lines = ["---"] + Self.header.split(separator: "\n").map(String.init)
        lines += ["crm_id: \(YAMLText.quoted(crmID))", "name: \(YAMLText.quoted(name))"]
        if let owner { lines.append("owner: \(YAMLText.quoted(owner))") }
        lines.append("stage: \(stage?.rawValue ?? Stage.pre.rawValue)")
        if let tier { lines.append("tier: \(YAMLText.quoted(tier))") }
        let tags = [industry, city].compactMap { $0 }
        if !tags.isEmpty { lines.append("tags: \(YAMLText.list(tags))") }
        if revenue != nil || employees != nil {
            let figures = ["year: \(revenueYear)"] + (revenue.map { ["revenue: \(YAMLText.number($0))"] } ?? [])
                + (employees.map { ["employees: \($0)"] } ?? [])
            lines += ["financials:", "  years:", "    - {\(figures.joined(separator: ", "))}"]
        }
        if !contacts.isEmpty {
            lines.append("stakeholders:")
            for contact in contacts {
                lines.append("  - name: \(YAMLText.quoted(contact.name))")
                if let title = contact.title { lines.append("    title: \(YAMLText.quoted(title))") }
            }
        }
        if includesDeals, !deals.isEmpty { lines += opportunityLines() }
        lines += ["---", "", "## Situation", "", "What is happening at the customer, and why it matters to us.", "",
                  "## Talking points", "", "- What to say at the next meeting", ""]
        return lines.joined(separator: "\n")
    }
}
