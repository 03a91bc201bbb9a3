/// An account with a target that has not moved for a long time needs a new approach. Stages differ:
/// relationships deepen more slowly further on, so each stage has its own limit in months. Never for
/// `synergistic` or `uncoupling`, and not when the target is the current stage (a deliberate hold).
struct StuckInStageRule: HealthRule {
    let id = "stuck-in-stage"
    let severity = Finding.Severity.low
    /// Months allowed in each stage.
    let parameters = ["pre": 12, "early": 18, "mid": 36, "partnership": 48]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard let target = dossier.target?.stage, target != dossier.stage, let since = dossier.stageSince,
              let limit = account.parameters[dossier.stage.rawValue] else { return [] }
        guard since.adding(months: limit) < account.asOf else { return [] }
        let arguments: [String: MessageArgument] = [
            "months": .number(since.months(until: account.asOf)), "stage": .stage(dossier.stage), "limit": .number(limit),
        ]
        return [finding("message", arguments, line: account.line(of: "stage_since"))]
    }
}
