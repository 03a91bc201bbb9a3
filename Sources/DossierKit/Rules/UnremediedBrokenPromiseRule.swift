/// A promise delivered late, or still open past its date, needs an apology and compensation.
struct UnremediedBrokenPromiseRule: HealthRule {
    let id = "broken-promise-unremedied"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let broken = (account.figures.deliveredLate + account.figures.overdue).filter { $0.remedy == nil }
        return broken.sorted { $0.line < $1.line }.map { commitment in
            finding(commitment.done == nil ? "open" : "late", ["promise": .text(commitment.promise)], line: commitment.line)
        }
    }
}
