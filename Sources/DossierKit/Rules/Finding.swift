/// What a health rule found on one account: a fact a KAM manager should act on.
///
/// The message is kept as a strings key with arguments, so each page shows it in the site's
/// language; `check` prints it in English.
public struct Finding: Sendable, Equatable {
    /// How urgently a finding needs action.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case high, medium, low

        private var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var ruleID: String
    public var severity: Severity
    /// The strings key of the message, e.g. `rule_stale-research_message`.
    public var messageKey: String
    public var arguments: [String: MessageArgument]
    /// The count that picks the singular or plural message (`_one`/`_other`), if any.
    public var count: Int?
    /// The dossier line the finding is about (1 when it is about the dossier as a whole).
    public var line: Int
    /// Whether the brief shows it: it changes what to say or ask in the meeting.
    public var mattersInMeetings: Bool
    /// The cause the finding is about, when it is the most specific finding about it (the broken promise
    /// itself, the opposed person, the stage against its evidence); see `FindingCause`.
    public var subject: String?
    /// What the finding fires because of (see `FindingCause`); `HealthRules.evaluate` keeps one finding
    /// per cause.
    public var causes: [String] = []
    /// Ids of other rules that fired only because of this finding's causes, folded into it (one cause,
    /// one finding); its message names them.
    public var alsoRuleIDs: [String] = []

    /// The rule's short name in `strings`' language.
    public func title(in strings: Strings) -> String { strings["rule_\(ruleID)_title"] }

    /// The specific fact in `strings`' language, e.g. "Lukas Berg (economic-buyer) is opposed".
    public func message(in strings: Strings) -> String {
        let text = Message(messageKey, arguments, count: count).text(in: strings)
        guard !alsoRuleIDs.isEmpty else { return text }
        let titles = alsoRuleIDs.map { strings["rule_\($0)_title"] }.joined(separator: strings["list_separator"])
        return strings.format("finding_also", ["message": text, "rules": titles])
    }
}
