/// A key account needs a target stage and a date to reach it.
struct NoLongTermPlanRule: HealthRule {
    let id = "no-long-term-plan"
    let title = "No long-term plan"
    let severity = Finding.Severity.medium
    let explanation = "Set a target stage and date: a credible long-term plan with a timetable comes before investing in an account."

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage != .uncoupling, dossier.stage != .synergistic else { return [] }
        guard dossier.target?.stage == nil || dossier.target?.by == nil else { return [] }
        let missing = dossier.target?.stage == nil ? "no target stage" : "no target date"
        return [finding("no long-term plan: \(missing)", line: account.line(of: dossier.target == nil ? "stage" : "target"))]
    }
}
