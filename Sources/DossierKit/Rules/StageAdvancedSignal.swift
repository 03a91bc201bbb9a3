/// The relationship moved forward: a later stage than the committed version of `days` days ago (git
/// history), or, without history, a `stage_since` within `days` days. Never for `uncoupling`.
struct StageAdvancedSignal: HealthSignal {
    let id = "stage-advanced"
    let parameters = ["days": 90]

    func signals(in account: RuleInput) -> [Signal] {
        let dossier = account.dossier
        guard dossier.stage != .uncoupling else { return [] }
        let line = account.line(of: dossier.stageSince == nil ? "stage" : "stage_since")
        if let previous = account.previous {
            guard previous.stage != .uncoupling, previous.stage < dossier.stage else { return [] }
            return [signal("moved", ["old": .stage(previous.stage), "stage": .stage(dossier.stage)], line: line)]
        }
        guard dossier.stage > .pre, let since = dossier.stageSince, since <= account.asOf,
              since.days(until: account.asOf) <= account.parameter("days") else { return [] }
        return [signal("since", ["stage": .stage(dossier.stage), "date": .day(since)], line: line)]
    }
}
