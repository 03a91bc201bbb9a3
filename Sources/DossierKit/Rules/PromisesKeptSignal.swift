/// Trust grows with kept promises: the last `count` promises of ours that fell due were all kept on time
/// (measured against `original_due` where set).
struct PromisesKeptSignal: HealthSignal {
    let id = "promises-kept"
    let parameters = ["count": 5]

    func signals(in account: RuleInput) -> [Signal] {
        let count = max(1, account.parameter("count"))
        let due = account.dossier.ourCommitments.filter { commitment in
            guard let day = commitment.measuredDue, day <= account.asOf else { return false }
            return commitment.status(asOf: account.asOf) != .open
        }
        let latest = due.sorted { ($0.measuredDue ?? account.asOf, $0.line) > ($1.measuredDue ?? account.asOf, $1.line) }.prefix(count)
        guard latest.count == count, latest.allSatisfy({ $0.status(asOf: account.asOf) == .kept }) else { return [] }
        return [signal("message", count: count, line: account.line(of: "commitments"))]
    }
}
