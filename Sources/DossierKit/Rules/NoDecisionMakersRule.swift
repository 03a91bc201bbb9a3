/// From the early stage on, the people who make the buying decision must be known.
struct NoDecisionMakersRule: HealthRule {
    let id = "no-decision-makers"
    let title = "Decision makers unknown"
    let severity = Finding.Severity.high
    let explanation = "From the early stage on, name the decision maker or economic buyer: without them no deal moves."
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage >= .early, dossier.stage != .uncoupling else { return [] }
        let deciders = dossier.stakeholders.filter { $0.role == .decisionMaker || $0.role == .economicBuyer }
        guard deciders.isEmpty else { return [] }
        return [finding("no stakeholder is a decision-maker or economic-buyer",
                        line: account.line(of: dossier.stakeholders.isEmpty ? "stage" : "stakeholders"))]
    }
}
