/// Prospect research covers five areas; empty ones are gaps.
struct ResearchGapsRule: HealthRule {
    let id = "research-gaps"
    let severity = Finding.Severity.low

    func findings(in account: RuleInput) -> [Finding] {
        let missing = account.figures.missingResearch
        guard !missing.isEmpty else { return [] }
        return [finding("message", ["areas": .words(missing.map(\.stringsKey))], line: 1)]
    }
}
