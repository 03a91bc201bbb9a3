import Foundation

extension Day {
    /// Why the as-of day could not be worked out.
    public enum AsOfError: Error, Equatable, CustomStringConvertible {
        case badArgument(String)
        case badSourceDateEpoch(String)

        public var description: String {
            switch self {
            case .badArgument(let text): "--as-of '\(text)' is not a date in the form YYYY-MM-DD from \(Day.asOfRange.lowerBound) to \(Day.asOfRange.upperBound)"
            case .badSourceDateEpoch(let text):
                "SOURCE_DATE_EPOCH '\(text)' is not a whole number of seconds since 1970-01-01 up to \(Day.maxSourceDateEpoch) (\(Day.asOfRange.upperBound)); unset it or give such a number"
            }
        }
    }

    /// The days a build can be as of: years 1800 to 9999, as for dates in dossiers' financial years.
    public static let asOfRange = Day(epochDay: -62_091)...Day(epochDay: 2_932_896)  // 1800-01-01 to 9999-12-31

    /// The last second of 9999-12-31 UTC, the largest `SOURCE_DATE_EPOCH` accepted.
    public static let maxSourceDateEpoch = 2_932_897 * 86_400 - 1

    /// The day figures are computed for: `--as-of`, else `SOURCE_DATE_EPOCH` (the reproducible-builds
    /// convention, read as a UTC date), else today.
    public static func asOf(argument: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(AsOfError) -> Day {
        if let argument {
            guard let day = Day(parsing: argument), asOfRange.contains(day) else { throw .badArgument(argument) }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)), (0...maxSourceDateEpoch).contains(seconds) else {
                throw .badSourceDateEpoch(epoch)
            }
            return Day(epochDay: seconds / 86_400)
        }
        return today()
    }
}
