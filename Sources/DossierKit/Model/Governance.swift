/// How the relationship is governed: executive sponsor pairs and the review rhythm (`governance:`).
public struct Governance: Sendable, Equatable, Codable {
    /// An executive of ours paired with one of the customer's.
    public struct SponsorPair: Sendable, Equatable, Codable {
        /// Our sponsor.
        public var ours: String?
        /// The customer's sponsor.
        public var theirs: String?
        /// When the two last met.
        public var lastMet: Day?
        /// The file line of the list item.
        public var line: Int

        public init(ours: String? = nil, theirs: String? = nil, lastMet: Day? = nil, line: Int) {
            self.ours = ours
            self.theirs = theirs
            self.lastMet = lastMet
            self.line = line
        }
    }

    public var sponsors: [SponsorPair] = []
    /// Months between two account reviews.
    public var reviewEveryMonths: Int?
    /// The day of the last account review.
    public var lastReview: Day?

    public init(sponsors: [SponsorPair] = [], reviewEveryMonths: Int? = nil, lastReview: Day? = nil) {
        self.sponsors = sponsors
        self.reviewEveryMonths = reviewEveryMonths
        self.lastReview = lastReview
    }
}
