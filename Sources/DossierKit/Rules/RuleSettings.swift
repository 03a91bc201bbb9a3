/// The site's choices about health rules, from `rules:` in dossier.yml.
public struct RuleSettings: Sendable, Equatable {
    /// Ids of the rules switched off (`rule-id: off`).
    public var disabled: Set<String> = []
    /// Changed thresholds by rule id and parameter name.
    public var overrides: [String: [String: Int]] = [:]

    public init() {}

    /// The rules in force, each with its effective parameters.
    func activeRules(staleAfterDays: Int) -> [(rule: any HealthRule, parameters: [String: Int])] {
        HealthRules.all.filter { !disabled.contains($0.id) }.map { rule in
            var parameters = rule.parameters
            if rule.id == StaleResearchRule().id { parameters["after_days"] = staleAfterDays }
            parameters.merge(overrides[rule.id] ?? [:]) { _, new in new }
            return (rule, parameters)
        }
    }
}
