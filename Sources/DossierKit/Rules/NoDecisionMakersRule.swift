/// From the early stage on, the people who make the buying decision must be known.
struct NoDecisionMakersRule: HealthRule {
    let id = "no-decision-makers"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage >= .early, dossier.stage != .uncoupling else { return [] }
        guard !dossier.stakeholders.contains(where: { $0.role == .decisionMaker || $0.role == .economicBuyer }) else { return [] }
        return [finding("message", line: account.line(of: dossier.stakeholders.isEmpty ? "stage" : "stakeholders"))]
    }
}
