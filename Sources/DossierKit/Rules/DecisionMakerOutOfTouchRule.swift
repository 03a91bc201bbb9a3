/// Without recent contact with the decision maker, the relationship drifts.
struct DecisionMakerOutOfTouchRule: HealthRule {
    let id = "decision-maker-out-of-touch"
    let severity = Finding.Severity.medium
    let parameters = ["days": 90]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let deciders = account.dossier.stakeholders.filter { $0.role == .decisionMaker }
        guard let first = deciders.first, account.dossier.stage != .uncoupling else { return [] }
        let latest = deciders.compactMap(\.lastContact).max()
        if let latest, latest.days(until: account.asOf) <= account.parameter("days") { return [] }
        var arguments: [String: MessageArgument] = ["names": .texts(deciders.map(\.name))]
        guard let latest else { return [finding("never", arguments, line: first.line)] }
        arguments["date"] = .day(latest)
        return [finding("since", arguments, line: first.line)]
    }
}
