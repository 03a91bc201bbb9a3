import Yams

extension RuleSettings {
    /// Reads `rules:` from dossier.yml: `rule-id: off`, or `rule-id: {parameter: number}`. An old id
    /// (`HealthRules.renamed`) still works, with a warning that names the new one.
    static func decode(_ node: Node?, reader: inout NodeReader) -> RuleSettings {
        let catalogue = HealthRules.all.map { (id: $0.id, parameters: $0.parameters) }
        return decode(node, key: "rules", catalogue: catalogue, renamed: HealthRules.renamed, reader: &reader) { id, ids in
            .unknownRule(id, suggestion: Suggestion.closest(to: id, among: ids))
        }
    }

    /// Reads `signals:` from dossier.yml, the same way as `rules:`.
    static func decodeSignals(_ node: Node?, reader: inout NodeReader) -> RuleSettings {
        let catalogue = HealthSignals.all.map { (id: $0.id, parameters: $0.parameters) }
        return decode(node, key: "signals", catalogue: catalogue, renamed: [:], reader: &reader) { id, ids in
            .unknownSignal(id, suggestion: Suggestion.closest(to: id, among: ids))
        }
    }

    private static func decode(
        _ node: Node?, key: String, catalogue: [(id: String, parameters: [String: Int])], renamed: [String: String],
        reader: inout NodeReader, unknown: (String, [String]) -> Problem
    ) -> RuleSettings {
        var settings = RuleSettings()
        guard let node, !reader.isNull(node) else { return settings }
        guard case .mapping(let mapping) = node else {
            reader.report(.notAMapping(key: key, found: reader.describe(node)), at: node)
            return settings
        }
        let ids = catalogue.map(\.id)
        for (keyNode, value) in mapping {
            var id = keyNode.scalar?.string ?? ""
            if let new = renamed[id] {
                reader.report(.renamedRule(old: id, new: new), at: keyNode, severity: .warning)
                id = new
            }
            guard let entry = catalogue.first(where: { $0.id == id }) else {
                reader.reportUnknown(at: keyNode) { unknown(id, ids) }
                continue
            }
            if case .scalar(let scalar) = value {
                switch scalar.string.lowercased() {
                case "off", "false": settings.disabled.insert(id)
                case "on", "true": break
                default:
                    reader.report(.wrongType(key: "\(key).\(id)", expected: "off, on, or a mapping of thresholds", found: reader.describe(value)), at: value)
                }
                continue
            }
            let known = entry.parameters.keys.sorted()
            guard let fields = reader.fields(of: value, at: "\(key).\(id)", known: known) else { continue }
            for name in known {
                if let number = reader.integer(fields[name], at: fields.path(name), in: 0...100_000) {
                    settings.overrides[id, default: [:]][name] = number
                }
            }
        }
        return settings
    }
}
