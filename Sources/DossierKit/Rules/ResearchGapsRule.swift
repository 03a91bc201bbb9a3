/// Research covers five areas; empty ones are gaps. From the early stage on: in pre KAM the research is
/// the work in progress (the report shows the missing areas and the stage tables the completeness), and
/// `no-feasibility-verdict` asks for the decision it serves. Stale research is the same cause and wins.
struct ResearchGapsRule: HealthRule {
    let id = "research-gaps"
    let severity = Finding.Severity.low

    func findings(in account: RuleInput) -> [Finding] {
        guard account.dossier.stage != .pre else { return [] }
        let missing = account.figures.missingResearch
        guard !missing.isEmpty else { return [] }
        return [finding("message", ["areas": .words(missing.map(\.stringsKey))], line: 1, causes: [FindingCause.research])]
    }
}
