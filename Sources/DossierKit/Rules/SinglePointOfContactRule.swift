/// From the mid stage on, an account hanging on one or two people is fragile.
struct SinglePointOfContactRule: HealthRule {
    let id = "single-point-of-contact"
    let title = "Single point of contact"
    let severity = Finding.Severity.medium
    let explanation = "From the mid stage on, build contacts across functions: one or two people are a single point of failure."
    let parameters = ["min_stakeholders": 3]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        let minimum = account.parameter("min_stakeholders")
        guard dossier.stage >= .mid, dossier.stage != .uncoupling, dossier.stakeholders.count < minimum else { return [] }
        return [finding("only \(dossier.stakeholders.count) stakeholder\(dossier.stakeholders.count == 1 ? "" : "s") known at \(dossier.stage.title) (at least \(minimum) expected)",
                        line: account.line(of: dossier.stakeholders.isEmpty ? "stage" : "stakeholders"))]
    }
}
