/// Without recent contact with the decision maker, the relationship drifts.
struct DecisionMakerOutOfTouchRule: HealthRule {
    let id = "decision-maker-out-of-touch"
    let title = "Decision maker out of touch"
    let severity = Finding.Severity.medium
    let explanation = "No contact with the decision maker for 90 days: ask for a meeting before a competitor does."
    let parameters = ["days": 90]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let deciders = account.dossier.stakeholders.filter { $0.role == .decisionMaker }
        guard !deciders.isEmpty, account.dossier.stage != .uncoupling else { return [] }
        let limit = account.parameter("days")
        let latest = deciders.compactMap(\.lastContact).max()
        if let latest, latest.days(until: account.asOf) <= limit { return [] }
        let names = deciders.map(\.name).joined(separator: ", ")
        let since = latest.map { "since \($0)" } ?? "ever recorded"
        return [finding("no contact with the decision maker (\(names)) \(since)", line: deciders[0].line)]
    }
}
