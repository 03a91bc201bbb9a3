/// The declared stage should not run ahead of what the relationship's markers show.
struct StageAboveEvidenceRule: HealthRule {
    let id = "stage-above-evidence"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage != .uncoupling, let suggested = dossier.suggestedStage, dossier.stage > suggested else { return [] }
        return [finding("message", ["stage": .stage(dossier.stage), "evidence": .stage(suggested)], line: account.line(of: "stage_evidence"), subject: FindingCause.stage)]
    }
}
