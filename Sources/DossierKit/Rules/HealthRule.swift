/// A health rule: one check over an account that tells a KAM team what to do next.
///
/// Each rule is a small value type; `HealthRules.all` lists them. Its title, its one-line explanation
/// and its messages live in the strings files (`rule_<id>_title`, `rule_<id>_explanation`, ...). A site
/// may switch a rule off or change its thresholds (`parameters`) in dossier.yml.
public protocol HealthRule: Sendable {
    /// Stable id used in dossier.yml and in `check` output, e.g. `stale-research`.
    var id: String { get }
    var severity: Finding.Severity { get }
    /// Thresholds the site may change, with their defaults.
    var parameters: [String: Int] { get }
    /// Whether its findings belong on the pre-meeting brief.
    var mattersInMeetings: Bool { get }
    /// The findings on one account; empty when the account is healthy in this respect.
    func findings(in account: RuleInput) -> [Finding]
}

extension HealthRule {
    public var parameters: [String: Int] { [:] }
    public var mattersInMeetings: Bool { false }

    /// A finding of this rule with the message `rule_<id>_<message>`.
    /// `subject` is the cause it is about, `causes` what it fires because of (see `Finding.subject`, `Finding.causes`).
    func finding(_ message: String, _ arguments: [String: MessageArgument] = [:], count: Int? = nil, line: Int,
                 subject: String? = nil, causes: [String] = []) -> Finding {
        Finding(ruleID: id, severity: severity, messageKey: "rule_\(id)_\(message)", arguments: arguments, count: count,
                line: line, mattersInMeetings: mattersInMeetings, subject: subject, causes: causes)
    }
}

/// What a rule sees: the dossier, its figures and the rule's effective parameters.
public struct RuleInput: Sendable {
    public var dossier: Dossier
    public var figures: AccountFigures
    public var parameters: [String: Int]
    /// The dossier as committed `SiteHistory.recentDays` days ago, when git history is read; signals compare
    /// against it (nil in `check`, outside git, and for files first committed later).
    public var previous: Dossier? = nil

    /// The effective value of a parameter.
    public func parameter(_ name: String) -> Int { parameters[name] ?? 0 }

    /// The line of a top-level key in the dossier, or 1 when absent.
    public func line(of key: String) -> Int { dossier.keyLines[key] ?? 1 }

    public var asOf: Day { figures.asOf }
}
