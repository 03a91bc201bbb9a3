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

    /// The rule's short name in `strings`' language.
    public func title(in strings: Strings) -> String { strings["rule_\(ruleID)_title"] }

    /// The specific fact in `strings`' language, e.g. "Lukas Berg (economic-buyer) is opposed".
    public func message(in strings: Strings) -> String {
        let format = Format(strings)
        let values = arguments.mapValues { $0.text(in: strings, format: format) }
        if let count { return strings.plural(messageKey, count: count, values) }
        return strings.format(messageKey, values)
    }
}

/// A value in a finding's message, rendered in the page's language.
public enum MessageArgument: Sendable, Equatable {
    /// Text from the dossier, shown as written (names, promises).
    case text(String)
    case number(Int)
    case day(Day)
    case stage(Stage)
    /// A word of the theme, by strings key (e.g. `role_decision-maker`).
    case word(String)
    /// Words of the theme joined by the language's list separator.
    case words([String])
    /// Texts from the dossier joined by the list separator.
    case texts([String])

    func text(in strings: Strings, format: Format) -> String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .day(let day): format.day(day)
        case .stage(let stage): strings["stage_\(stage.rawValue)"]
        case .word(let key): strings[key]
        case .words(let keys): keys.map { strings[$0] }.joined(separator: strings["list_separator"])
        case .texts(let texts): texts.joined(separator: strings["list_separator"])
        }
    }
}
