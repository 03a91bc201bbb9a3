/// Trust rests on kept promises: the recent on-time rate should stay high. Judged only on enough
/// evidence (`min_promises` promises due in the window), measured against `original_due` where set.
struct LowOnTimeRateRule: HealthRule {
    let id = "low-on-time-rate"
    let severity = Finding.Severity.high
    let parameters = ["min_percent": 80, "months": 12, "min_promises": 3]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let since = account.asOf.adding(months: -account.parameter("months"))
        // Our promises first due in the window that were delivered or are overdue; the customer's do not count.
        let measured = account.dossier.ourCommitments.filter { commitment in
            guard let due = commitment.measuredDue, due >= since else { return false }
            return commitment.status(asOf: account.asOf) != .open
        }
        guard !measured.isEmpty, measured.count >= account.parameter("min_promises") else { return [] }
        let kept = measured.filter { $0.status(asOf: account.asOf) == .kept }
        let percent = kept.count * 100 / measured.count
        guard percent < account.parameter("min_percent") else { return [] }
        let arguments: [String: MessageArgument] = [
            "kept": .number(kept.count), "measured": .number(measured.count),
            "months": .number(account.parameter("months")), "percent": .number(percent),
        ]
        // Its causes are the promises not kept on time: when it would not fire without the ones that are
        // findings of their own, it folds into them.
        let broken = measured.filter { $0.status(asOf: account.asOf) != .kept }.map(FindingCause.promise)
        return [finding("message", arguments, line: account.line(of: "commitments"), causes: broken)]
    }
}
