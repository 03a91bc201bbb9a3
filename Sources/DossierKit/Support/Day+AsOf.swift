import Foundation

extension Day {
    /// Why the as-of day could not be worked out.
    public enum AsOfError: Error, Equatable, CustomStringConvertible {
        case badArgument(String)
        case badSourceDateEpoch(String)

        public var description: String {
            switch self {
            case .badArgument(let text): "--as-of '\(text)' is not a date in the form YYYY-MM-DD"
            case .badSourceDateEpoch(let text): "SOURCE_DATE_EPOCH '\(text)' is not a whole number of seconds since 1970-01-01"
            }
        }
    }

    /// The day figures are computed for: `--as-of`, else `SOURCE_DATE_EPOCH` (the reproducible-builds
    /// convention, read as a UTC date), else today.
    public static func asOf(argument: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(AsOfError) -> Day {
        if let argument {
            guard let day = Day(parsing: argument) else { throw .badArgument(argument) }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { throw .badSourceDateEpoch(epoch) }
            return Day(epochDay: seconds / 86_400)
        }
        return today()
    }
}
