/// A sentence kept as a strings key with typed arguments, written out in any language on demand.
public struct Message: Sendable, Equatable {
    public var key: String
    public var arguments: [String: MessageArgument]
    /// The count that picks the singular or plural form (`_one`/`_other`), if any.
    public var count: Int?

    public init(_ key: String, _ arguments: [String: MessageArgument] = [:], count: Int? = nil) {
        self.key = key
        self.arguments = arguments
        self.count = count
    }

    /// The sentence in `strings`' language.
    public func text(in strings: Strings) -> String {
        let format = Format(strings)
        let values = arguments.mapValues { $0.text(in: strings, format: format) }
        if let count { return strings.plural(key, count: count, values) }
        return strings.format(key, values)
    }
}

/// A value in a message, rendered in the page's language.
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
    /// A fraction shown as a percentage.
    case percent(Double)
    /// A large amount in the language's units (`1.84 bn`, `18.4亿`).
    case amount(Double)
    /// A value outcome's measured value: a percentage (`0.74%`) or a number (`127`), as written.
    case measured(MetricValue)
    /// The time from one day to another: days, or whole calendar months from 60 days on (`Format.duration`).
    case span(from: Day, to: Day)

    func text(in strings: Strings, format: Format) -> String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .day(let day): format.day(day)
        case .stage(let stage): strings.name(of: stage)
        case .word(let key): strings[key]
        case .words(let keys): keys.map { strings[$0] }.joined(separator: strings["list_separator"])
        case .texts(let texts): texts.joined(separator: strings["list_separator"])
        case .percent(let fraction): format.percent(fraction)
        case .amount(let amount): format.compact(amount)
        case .span(let start, let end): format.duration(from: start, to: end)
        case .measured(let value): Format.significant(value.isPercent ? value.number * 100 : value.number) + (value.isPercent ? "%" : "")
        }
    }
}
