/// The customer has not delivered what it promised: a signal to raise, not our failure.
struct CustomerCommitmentOverdueRule: HealthRule {
    let id = "customer-commitment-overdue"
    let severity = Finding.Severity.medium
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        account.figures.customerOverdue.compactMap { commitment in
            guard let due = commitment.measuredDue else { return nil }
            return finding("message", ["promise": .text(commitment.promise), "date": .day(due)], line: commitment.line)
        }
    }
}
