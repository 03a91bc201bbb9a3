/// A positive health signal: one check over an account that says what is going well.
///
/// Configured like the rules (`signals:` in dossier.yml: `signal-id: off` or changed parameters); its
/// title, explanation and messages live in the strings files (`signal_<id>_title`, ...).
public protocol HealthSignal: Sendable {
    /// Stable id used in dossier.yml and in `check` output, e.g. `promises-kept`.
    var id: String { get }
    /// Thresholds the site may change, with their defaults.
    var parameters: [String: Int] { get }
    /// The signals on one account; empty when nothing in this respect stands out as going well.
    func signals(in account: RuleInput) -> [Signal]
}

extension HealthSignal {
    public var parameters: [String: Int] { [:] }

    /// A signal of this kind with the message `signal_<id>_<message>`.
    func signal(_ message: String, _ arguments: [String: MessageArgument] = [:], count: Int? = nil, line: Int) -> Signal {
        Signal(signalID: id, messageKey: "signal_\(id)_\(message)", arguments: arguments, count: count, line: line)
    }
}

/// The catalogue of positive signals, and running them over an account.
public enum HealthSignals {
    /// Every signal, in the order `check --rules` lists them.
    public static let all: [any HealthSignal] = [
        PromisesKeptSignal(), StageAdvancedSignal(), NewDecisionMakerContactSignal(), WalletShareUpSignal(), ValueProvenSignal(),
    ]

    /// The signal with `id`, if any.
    public static func signal(withID id: String) -> (any HealthSignal)? {
        all.first { $0.id == id }
    }

    /// The signals of every active kind on one account, by line. `previous` is the dossier as committed
    /// `SiteHistory.recentDays` ago, when git history is read (nil in `check` and outside git).
    public static func evaluate(_ dossier: Dossier, figures: AccountFigures, config: SiteConfig, previous: Dossier? = nil) -> [Signal] {
        var signals: [Signal] = []
        for signal in all where !config.signals.disabled.contains(signal.id) {
            let parameters = signal.parameters.merging(config.signals.overrides[signal.id] ?? [:]) { _, new in new }
            signals += signal.signals(in: RuleInput(dossier: dossier, figures: figures, parameters: parameters, previous: previous))
        }
        return signals.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// One line per signal for `check --rules`: id, parameters, explanation.
    public static func listing() -> String {
        all.map { signal in
            let parameters = signal.parameters.keys.sorted().map { "\($0)=\(signal.parameters[$0] ?? 0)" }.joined(separator: ", ")
            let explanation = Strings.english["signal_\(signal.id)_explanation"]
            return "\(signal.id) (signal\(parameters.isEmpty ? "" : "; \(parameters)")): \(explanation)"
        }.joined(separator: "\n") + "\n"
    }
}
