/// A promise delivered late, or still open past its date, needs an apology and compensation.
struct UnremediedBrokenPromiseRule: HealthRule {
    let id = "broken-promise-unremedied"
    let title = "Broken promise"
    let severity = Finding.Severity.high
    let explanation = "A broken promise is best met at once with an apology and compensation: record the remedy."
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let broken = (account.figures.deliveredLate + account.figures.overdue).filter { $0.remedy == nil }
        return broken.sorted { $0.line < $1.line }.map { commitment in
            let state = commitment.done == nil ? "still open past its due date" : "delivered late"
            return finding("\(commitment.promise): \(state), no remedy recorded", line: commitment.line)
        }
    }
}
