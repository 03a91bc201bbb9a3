/// In a pilot or trial the customer is testing us: every open promise counts.
struct CustomerTestingUsRule: HealthRule {
    let id = "customer-testing-us"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        guard let engagement = account.dossier.engagement, engagement == .pilot || engagement == .trial else { return [] }
        let open = account.figures.overdue + account.figures.open
        var arguments: [String: MessageArgument] = ["engagement": .word("engagement_\(engagement.rawValue)")]
        let line = account.line(of: "engagement")
        guard !open.isEmpty else { return [finding("none", arguments, line: line)] }
        guard let next = open.compactMap(\.due).min() else { return [finding("undated", arguments, count: open.count, line: line)] }
        let days = account.asOf.days(until: next)
        arguments["days"] = .number(abs(days))
        return [finding(days >= 0 ? "next" : "overdue", arguments, count: open.count, line: line)]
    }
}
