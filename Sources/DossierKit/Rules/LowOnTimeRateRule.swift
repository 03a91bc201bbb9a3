/// Trust rests on kept promises: the recent on-time rate should stay high.
struct LowOnTimeRateRule: HealthRule {
    let id = "low-on-time-rate"
    let severity = Finding.Severity.high
    let parameters = ["min_percent": 80, "months": 12]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let since = account.asOf.adding(days: -account.parameter("months") * 365 / 12)
        let measured = account.dossier.commitments.filter { commitment in
            guard let due = commitment.due, due >= since else { return false }
            return commitment.done != nil || due < account.asOf
        }
        guard !measured.isEmpty else { return [] }
        let kept = measured.filter { commitment in
            guard let done = commitment.done, let due = commitment.due else { return false }
            return done <= due
        }
        let percent = kept.count * 100 / measured.count
        guard percent < account.parameter("min_percent") else { return [] }
        let arguments: [String: MessageArgument] = [
            "kept": .number(kept.count), "measured": .number(measured.count),
            "months": .number(account.parameter("months")), "percent": .number(percent),
        ]
        return [finding("message", arguments, line: account.line(of: "commitments"))]
    }
}
