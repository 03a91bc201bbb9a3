/// A pilot or trial must prove a quick, visible improvement: that needs an agreed baseline and target.
struct PilotWithoutBaselineRule: HealthRule {
    let id = "pilot-without-baseline"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard let engagement = dossier.engagement, engagement == .pilot || engagement == .trial else { return [] }
        guard !(dossier.value?.outcomes.contains(where: \.isMeasurable) ?? false) else { return [] }
        return [finding("message", ["engagement": .word("engagement_\(engagement.rawValue)")],
                        line: account.line(of: dossier.value == nil ? "engagement" : "value"))]
    }
}
