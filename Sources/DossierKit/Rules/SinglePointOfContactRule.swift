/// From the mid stage on, an account hanging on one or two people is fragile. Where the dossier says who
/// holds each relationship (`our_contact`), `single-threaded` judges instead.
struct SinglePointOfContactRule: HealthRule {
    let id = "single-point-of-contact"
    let severity = Finding.Severity.medium
    let parameters = ["min_stakeholders": 3]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        let minimum = account.parameter("min_stakeholders")
        guard dossier.stage >= .mid, dossier.stage != .uncoupling, dossier.stakeholders.count < minimum,
              !dossier.stakeholders.contains(where: { $0.ourContact != nil }) else { return [] }
        return [finding("message", ["stage": .stage(dossier.stage), "minimum": .number(minimum)], count: dossier.stakeholders.count,
                        line: account.line(of: dossier.stakeholders.isEmpty ? "stage" : "stakeholders"), causes: [FindingCause.stage])]
    }
}
