/// From the mid stage on, an account hanging on one or two people is fragile.
struct SinglePointOfContactRule: HealthRule {
    let id = "single-point-of-contact"
    let severity = Finding.Severity.medium
    let parameters = ["min_stakeholders": 3]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        let minimum = account.parameter("min_stakeholders")
        guard dossier.stage >= .mid, dossier.stage != .uncoupling, dossier.stakeholders.count < minimum else { return [] }
        return [finding("message", ["stage": .stage(dossier.stage), "minimum": .number(minimum)], count: dossier.stakeholders.count,
                        line: account.line(of: dossier.stakeholders.isEmpty ? "stage" : "stakeholders"))]
    }
}
