/// The plan has slipped: the target date has passed without reaching the target stage (overdue plan
/// items are `plan-item-overdue`'s).
struct PlanOverdueRule: HealthRule {
    let id = "plan-overdue"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard let target = dossier.target, let by = target.by, by < account.asOf, let stage = target.stage, stage > dossier.stage else { return [] }
        return [finding("target", ["date": .day(by), "stage": .stage(stage)], line: account.line(of: "target"))]
    }
}
