/// A sales opportunity at the account (`opportunities:`).
public struct Opportunity: Sendable, Equatable, Codable {
    /// Where the opportunity stands in the sales pipeline.
    public enum SalesStage: String, Keyword {
        case qualify, propose, negotiate, won, lost

        /// Whether the opportunity is still to be won or lost.
        public var isOpen: Bool { self != .won && self != .lost }
    }

    public var name: String
    /// One of the site's `offerings` (checked when dossier.yml lists them).
    public var offering: String?
    /// The value in the dossier's currency.
    public var value: Double?
    public var stage: SalesStage?
    /// The expected closing day.
    public var close: Day?
    public var owner: String?
    /// The file line of the list item.
    public var line: Int

    public init(name: String, offering: String? = nil, value: Double? = nil, stage: SalesStage? = nil, close: Day? = nil,
                owner: String? = nil, line: Int) {
        self.name = name
        self.offering = offering
        self.value = value
        self.stage = stage
        self.close = close
        self.owner = owner
        self.line = line
    }

    /// Whether the opportunity is open: not won or lost (one without a stage counts as open).
    public var isOpen: Bool { stage?.isOpen ?? true }
}
