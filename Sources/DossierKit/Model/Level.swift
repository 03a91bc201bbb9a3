/// A three-step rating, as a stakeholder's `influence` or how much the customer values a commitment (`valued`).
public enum Level: String, Keyword, Comparable {
    case high, medium, low

    /// `low < medium < high`.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }
}
