/// A relationship stage in the Millman & Wilson key-account-management model.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case pre
    case early
    case mid
    case partnership
    case synergistic
    case uncoupling

    /// The stage's name as people say it, e.g. "Early KAM".
    public var title: String {
        switch self {
        case .pre: "Pre-KAM"
        case .early: "Early KAM"
        case .mid: "Mid KAM"
        case .partnership: "Partnership KAM"
        case .synergistic: "Synergistic KAM"
        case .uncoupling: "Uncoupling"
        }
    }

    /// The position of the stage in the model, starting at 0 for `pre`.
    public var order: Int { Stage.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
}
