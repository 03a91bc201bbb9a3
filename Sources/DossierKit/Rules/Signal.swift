/// What is going well on one account: a positive health signal, the counterpart of a `Finding`.
///
/// Signals are not problems: they have no severity, never fail `check` and are shown as "Going well".
/// The message is kept as a strings key with arguments (`signal_<id>_<message>`), like a finding's.
public struct Signal: Sendable, Equatable {
    public var signalID: String
    /// The strings key of the message, e.g. `signal_promises-kept_message`.
    public var messageKey: String
    public var arguments: [String: MessageArgument]
    /// The count that picks the singular or plural message, if any.
    public var count: Int?
    /// The dossier line the signal is about (1 when it is about the dossier as a whole).
    public var line: Int

    /// The signal's short name in `strings`' language.
    public func title(in strings: Strings) -> String { strings["signal_\(signalID)_title"] }

    /// The specific fact in `strings`' language, e.g. "the last 6 promises due were all kept on time".
    public func message(in strings: Strings) -> String {
        Message(messageKey, arguments, count: count).text(in: strings)
    }
}
