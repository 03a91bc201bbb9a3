/// A promise delivered late, or still open past its date, needs an apology and compensation, best at once:
/// a late delivery counts for `days` days after it was delivered (later, its lateness lives on in
/// `low-on-time-rate`); an overdue one until it is delivered or remedied. It is the most specific finding
/// about such a promise: other rules that fire only because of it fold into it.
struct UnremediedBrokenPromiseRule: HealthRule {
    let id = "broken-promise-unremedied"
    let severity = Finding.Severity.high
    let parameters = ["days": 90]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let recentLate = account.figures.deliveredLate.filter { commitment in
            commitment.done.map { $0.days(until: account.asOf) <= account.parameter("days") } ?? true
        }
        let broken = (recentLate + account.figures.overdue).filter { $0.remedy == nil }
        return broken.sorted { $0.line < $1.line }.map { commitment in
            finding(commitment.done == nil ? "open" : "late", ["promise": .text(commitment.promise)], line: commitment.line,
                    subject: FindingCause.promise(commitment))
        }
    }
}
