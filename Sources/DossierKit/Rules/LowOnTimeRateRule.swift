/// Trust rests on kept promises: the recent on-time rate should stay high.
struct LowOnTimeRateRule: HealthRule {
    let id = "low-on-time-rate"
    let severity = Finding.Severity.high
    let parameters = ["min_percent": 80, "months": 12]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let since = account.asOf.adding(days: -account.parameter("months") * 365 / 12)
        // Our promises first due in the window that were delivered or are overdue; the customer's do not count.
        let measured = account.dossier.ourCommitments.filter { commitment in
            guard let due = commitment.measuredDue, due >= since else { return false }
            return commitment.status(asOf: account.asOf) != .open
        }
        guard !measured.isEmpty else { return [] }
        let kept = measured.filter { $0.status(asOf: account.asOf) == .kept }
        let percent = kept.count * 100 / measured.count
        guard percent < account.parameter("min_percent") else { return [] }
        let arguments: [String: MessageArgument] = [
            "kept": .number(kept.count), "measured": .number(measured.count),
            "months": .number(account.parameter("months")), "percent": .number(percent),
        ]
        return [finding("message", arguments, line: account.line(of: "commitments"))]
    }
}
