/// A relationship stage in the Millman & Wilson key-account-management model.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case pre
    case early
    case mid
    case partnership
    case synergistic
    case uncoupling

    /// The position of the stage in the model, starting at 0 for `pre`.
    public var order: Int { Stage.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
}
