/// An account with a target that has not moved for a long time needs a new approach.
struct StuckInStageRule: HealthRule {
    let id = "stuck-in-stage"
    let severity = Finding.Severity.low
    let parameters = ["months": 18]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.target?.stage != nil, let days = account.figures.daysInStage else { return [] }
        let limit = account.parameter("months")
        guard days > limit * 365 / 12 else { return [] }
        let arguments: [String: MessageArgument] = ["months": .number(days * 12 / 365), "stage": .stage(dossier.stage), "limit": .number(limit)]
        return [finding("message", arguments, line: account.line(of: "stage_since"))]
    }
}
