/// One buying centre of the customer (a site, division or plant) in the white-space grid (`whitespace:`).
public struct BuyingCentre: Sendable, Equatable, Codable {
    /// An offering the centre buys from a competitor.
    public struct Supply: Sendable, Equatable, Codable {
        public var offering: String
        /// The competitor who supplies it.
        public var supplier: String

        public init(offering: String, supplier: String) {
            self.offering = offering
            self.supplier = supplier
        }
    }

    /// Who supplies one offering to the centre, as the grid shows it.
    public enum Coverage: Sendable, Equatable {
        /// The centre buys it from us.
        case ours
        /// The centre buys it from the named competitor.
        case competitor(String)
        /// The centre needs it and nobody supplies it yet.
        case open
        /// The dossier does not say.
        case unknown
    }

    /// The centre's name (`centre:`).
    public var name: String
    /// Offerings the centre buys from us.
    public var ours: [String] = []
    /// Offerings the centre buys from competitors, in the order written.
    public var competitors: [Supply] = []
    /// Offerings the centre needs and nobody supplies yet.
    public var open: [String] = []
    /// The file line of the list item.
    public var line: Int

    public init(name: String, ours: [String] = [], competitors: [Supply] = [], open: [String] = [], line: Int) {
        self.name = name
        self.ours = ours
        self.competitors = competitors
        self.open = open
        self.line = line
    }

    /// Who supplies `offering` to this centre; ours wins over a competitor, a competitor over open.
    public func coverage(of offering: String) -> Coverage {
        if ours.contains(offering) { return .ours }
        if let supply = competitors.first(where: { $0.offering == offering }) { return .competitor(supply.supplier) }
        if open.contains(offering) { return .open }
        return .unknown
    }
}
