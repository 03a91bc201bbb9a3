/// An account with a target that has not moved for a long time needs a new approach.
struct StuckInStageRule: HealthRule {
    let id = "stuck-in-stage"
    let title = "Stuck in stage"
    let severity = Finding.Severity.low
    let explanation = "Over 18 months in the same stage despite a target: rethink what would move the account on."
    let parameters = ["months": 18]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.target?.stage != nil, let days = account.figures.daysInStage else { return [] }
        let months = account.parameter("months")
        guard days > months * 365 / 12 else { return [] }
        return [finding("\(days * 12 / 365) months in \(dossier.stage.title) with a target set (limit \(months) months)", line: account.line(of: "stage_since"))]
    }
}
