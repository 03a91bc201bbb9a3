/// When the next account review is due.
extension Governance {
    /// `last_review` plus `review_every_months` (the month's last day when the month is shorter);
    /// nil unless both are given.
    public var nextReviewDue: Day? {
        guard let lastReview, let reviewEveryMonths else { return nil }
        return lastReview.adding(months: reviewEveryMonths)
    }
}
