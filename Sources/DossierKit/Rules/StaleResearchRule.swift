/// Research not reviewed for a long time is not to be trusted in a meeting.
struct StaleResearchRule: HealthRule {
    let id = "stale-research"
    let severity = Finding.Severity.medium
    /// `after_days` defaults to the site's `stale_after_days`.
    let parameters = ["after_days": 90]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let limit = account.parameter("after_days")
        guard let reviewed = account.dossier.reviewed else { return [finding("never", line: 1)] }
        let age = reviewed.days(until: account.asOf)
        guard age > limit else { return [] }
        return [finding("message", ["days": .number(age), "limit": .number(limit)], line: account.line(of: "reviewed"))]
    }
}
