import Yams

extension RuleSettings {
    /// Reads `rules:` from dossier.yml: `rule-id: off`, or `rule-id: {parameter: number}`.
    static func decode(_ node: Node?, reader: inout NodeReader) -> RuleSettings {
        var settings = RuleSettings()
        guard let node, !reader.isNull(node) else { return settings }
        guard case .mapping(let mapping) = node else {
            reader.report(.notAMapping(key: "rules", found: reader.describe(node)), at: node)
            return settings
        }
        let ids = HealthRules.all.map(\.id)
        for (key, value) in mapping {
            let id = key.scalar?.string ?? ""
            guard let rule = HealthRules.rule(withID: id) else {
                reader.reportUnknown(at: key) { .unknownRule(id, suggestion: Suggestion.closest(to: id, among: ids)) }
                continue
            }
            if case .scalar(let scalar) = value {
                switch scalar.string.lowercased() {
                case "off", "false": settings.disabled.insert(id)
                case "on", "true": break
                default:
                    reader.report(.wrongType(key: "rules.\(id)", expected: "off, on, or a mapping of thresholds", found: reader.describe(value)), at: value)
                }
                continue
            }
            let known = rule.parameters.keys.sorted()
            guard let fields = reader.fields(of: value, at: "rules.\(id)", known: known) else { continue }
            for name in known {
                if let number = reader.integer(fields[name], at: fields.path(name), in: 0...100_000) {
                    settings.overrides[id, default: [:]][name] = number
                }
            }
        }
        return settings
    }
}
