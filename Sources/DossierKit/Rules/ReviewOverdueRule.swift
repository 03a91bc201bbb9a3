/// The account review keeps its rhythm: the next one is due `review_every_months` after the last.
struct ReviewOverdueRule: HealthRule {
    let id = "review-overdue"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        guard let governance = account.dossier.governance, let due = governance.nextReviewDue, due < account.asOf,
              let last = governance.lastReview else { return [] }
        return [finding("message", ["date": .day(due), "last": .day(last)], line: account.line(of: "governance"))]
    }
}
