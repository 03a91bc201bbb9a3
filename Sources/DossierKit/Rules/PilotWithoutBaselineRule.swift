/// A pilot or trial must prove a quick, visible improvement: once the account plan's `value` exists,
/// at least one outcome needs an agreed baseline and target. (A dossier without `value` does not use the
/// account plan yet; this rule stays quiet there.)
struct PilotWithoutBaselineRule: HealthRule {
    let id = "pilot-without-baseline"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard let engagement = dossier.engagement, engagement == .pilot || engagement == .trial, let value = dossier.value else { return [] }
        guard !value.outcomes.contains(where: \.isMeasurable) else { return [] }
        return [finding("message", ["engagement": .word("engagement_\(engagement.rawValue)")], line: account.line(of: "value"),
                        causes: [FindingCause.engagement])]
    }
}
