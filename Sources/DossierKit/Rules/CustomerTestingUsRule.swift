/// In a pilot or trial the customer is testing us. Being in a pilot is a state, shown on the report; this
/// rule fires only when the pilot has a problem: an open promise of ours past its date, or the pilot
/// running longer than `months` months (counted from `stage_since`). A missing value baseline is
/// `pilot-without-baseline`'s (folded into this finding when both fire); an overdue promise without a remedy is `broken-promise-unremedied`'s,
/// and this rule's finding then folds into that one (see `HealthRules.evaluate`).
struct CustomerTestingUsRule: HealthRule {
    let id = "customer-testing-us"
    let severity = Finding.Severity.high
    let parameters = ["months": 6]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        guard let engagement = account.dossier.engagement, engagement == .pilot || engagement == .trial else { return [] }
        var arguments: [String: MessageArgument] = ["engagement": .word("engagement_\(engagement.rawValue)")]
        let line = account.line(of: "engagement")
        let overdue = account.figures.overdue
        if let oldest = overdue.compactMap(\.measuredDue).min() {
            arguments["span"] = .span(from: oldest, to: account.asOf)
            return [finding("overdue", arguments, count: overdue.count, line: line,
                            subject: FindingCause.engagement, causes: overdue.map(FindingCause.promise))]
        }
        let limit = account.parameter("months")
        guard let since = account.dossier.stageSince, since.adding(months: limit) < account.asOf else { return [] }
        arguments["months"] = .number(since.months(until: account.asOf))
        arguments["limit"] = .number(limit)
        return [finding("long", arguments, line: line, subject: FindingCause.engagement)]
    }
}
