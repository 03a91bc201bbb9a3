/// From the partnership stage on, the relationship needs executive sponsors on both sides.
struct NoSponsorRule: HealthRule {
    let id = "no-sponsor"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage == .partnership || dossier.stage == .synergistic else { return [] }
        guard !(dossier.governance?.sponsors.contains { $0.ours != nil && $0.theirs != nil } ?? false) else { return [] }
        return [finding("message", ["stage": .stage(dossier.stage)], line: account.line(of: dossier.governance == nil ? "stage" : "governance"),
                        causes: [FindingCause.stage])]
    }
}
