/// A key account needs a target stage and a date to reach it.
struct NoLongTermPlanRule: HealthRule {
    let id = "no-long-term-plan"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage != .uncoupling, dossier.stage != .synergistic else { return [] }
        guard dossier.target?.stage == nil || dossier.target?.by == nil else { return [] }
        return [finding(dossier.target?.stage == nil ? "no_stage" : "no_date", line: account.line(of: dossier.target == nil ? "stage" : "target"))]
    }
}
