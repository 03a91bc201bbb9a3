/// What a health rule found on one account: a fact a KAM manager should act on.
public struct Finding: Sendable, Equatable {
    /// How urgently a finding needs action.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case high, medium, low

        private var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var ruleID: String
    /// The rule's short name.
    public var title: String
    public var severity: Severity
    /// The specific fact, e.g. "Lukas Berg (economic-buyer) is opposed".
    public var message: String
    /// The dossier line the finding is about (1 when it is about the dossier as a whole).
    public var line: Int
    /// Whether the brief shows it: it changes what to say or ask in the meeting.
    public var mattersInMeetings: Bool
}
