/// A goal of the long-term account plan (`objectives:`), measured when `measure` is set.
public struct Objective: Sendable, Equatable, Codable {
    /// What the objective is measured by, from the dossier's own figures.
    public enum Measure: String, Keyword {
        /// Our share of the customer's spend in our category (`financials.wallet`).
        case shareOfWallet = "share_of_wallet"
        /// Our revenue with the customer in the latest year of `economics.years`.
        case ourRevenue = "our_revenue"
        /// Our on-time rate on commitments.
        case onTimeRate = "on_time_rate"
        /// The account's declared relationship stage.
        case stage
    }

    /// The value the objective aims for; its kind follows `measure`.
    public enum TargetValue: Sendable, Equatable, Codable {
        /// A share or rate, 0...1 (`share_of_wallet`, `on_time_rate`), written `25%` or `0.25`.
        case fraction(Double)
        /// An amount in the dossier's currency (`our_revenue`).
        case amount(Double)
        /// A relationship stage (`stage`).
        case stage(Stage)
        /// The target as written, for an objective without a `measure`.
        case text(String)
    }

    /// The objective in words, e.g. "Share of wallet to 25%".
    public var goal: String
    public var measure: Measure?
    public var target: TargetValue?
    /// The day by which the target should be reached.
    public var by: Day?
    /// The file line of the list item.
    public var line: Int

    public init(goal: String, measure: Measure? = nil, target: TargetValue? = nil, by: Day? = nil, line: Int) {
        self.goal = goal
        self.measure = measure
        self.target = target
        self.by = by
        self.line = line
    }
}
