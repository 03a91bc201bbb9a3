/// Prospect research covers five areas; empty ones are gaps.
struct ResearchGapsRule: HealthRule {
    let id = "research-gaps"
    let title = "Research gaps"
    let severity = Finding.Severity.low
    let explanation = "Research covers finances, strategy, external factors, segments and competitors: fill the empty areas."

    func findings(in account: RuleInput) -> [Finding] {
        let missing = account.figures.missingResearch
        guard !missing.isEmpty else { return [] }
        return [finding("research missing: " + missing.map(\.rawValue).joined(separator: ", "), line: 1)]
    }
}
