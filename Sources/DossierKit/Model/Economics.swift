/// Whether the relationship pays: the feasibility decision and our revenue, margin and cost to serve by year (`economics:`).
public struct Economics: Sendable, Equatable, Codable {
    /// The decision, before investing in the account, whether a profitable relationship is feasible.
    public struct Feasibility: Sendable, Equatable, Codable {
        /// The decision.
        public enum Verdict: String, Keyword {
            case go, hold
            case noGo = "no-go"
        }
        public var verdict: Verdict?
        /// The day of the decision.
        public var decided: Day?
        public var reason: String?

        public init(verdict: Verdict? = nil, decided: Day? = nil, reason: String? = nil) {
            self.verdict = verdict
            self.decided = decided
            self.reason = reason
        }
    }

    /// One year of our business with the customer.
    public struct Year: Sendable, Equatable, Codable {
        public var year: Int
        /// Our revenue with the customer, in the dossier's currency.
        public var ourRevenue: Double?
        /// Our gross margin on it, as a fraction (`31%` is 0.31).
        public var grossMargin: Double?
        /// What serving the customer cost us, in the dossier's currency.
        public var costToServe: Double?

        public init(year: Int, ourRevenue: Double? = nil, grossMargin: Double? = nil, costToServe: Double? = nil) {
            self.year = year
            self.ourRevenue = ourRevenue
            self.grossMargin = grossMargin
            self.costToServe = costToServe
        }
    }

    public var feasibility: Feasibility?
    /// Sorted by year, oldest first.
    public var years: [Year] = []

    public init(feasibility: Feasibility? = nil, years: [Year] = []) {
        self.feasibility = feasibility
        self.years = years
    }
}
