/// A decision maker or economic buyer who opposes us can stop any deal.
struct OpposedDeciderRule: HealthRule {
    let id = "opposed-decision-maker"
    let title = "Opposed decision maker"
    let severity = Finding.Severity.high
    let explanation = "A decision maker or economic buyer opposes us: understand why before anything else."
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        account.dossier.stakeholders
            .filter { $0.stance == .opposed && ($0.role == .decisionMaker || $0.role == .economicBuyer) }
            .map { finding("\($0.name) (\($0.role?.rawValue ?? "")) is opposed", line: $0.line) }
    }
}
