/// Research not reviewed for a long time is not to be trusted in a meeting. Not judged for `uncoupling`:
/// an account being wound down needs no fresh research.
struct StaleResearchRule: HealthRule {
    let id = "stale-research"
    let severity = Finding.Severity.medium
    /// `after_days` defaults to the site's `stale_after_days`.
    let parameters = ["after_days": 90]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        guard account.dossier.stage != .uncoupling else { return [] }
        let limit = account.parameter("after_days")
        guard let reviewed = account.dossier.reviewed else { return [finding("never", line: 1, subject: FindingCause.research)] }
        let age = reviewed.days(until: account.asOf)
        guard age > limit else { return [] }
        return [finding("message", ["days": .number(age), "limit": .number(limit)], line: account.line(of: "reviewed"),
                        subject: FindingCause.research)]
    }
}
