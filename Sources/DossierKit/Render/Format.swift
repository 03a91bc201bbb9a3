import Foundation

/// Formats numbers and dates for people, the same way on every machine (no locale lookups).
enum Format {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `3 Dec 2026`.
    static func day(_ day: Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// `EUR 1.84 bn`, `EUR 62 m`, `EUR 420 k`: three significant digits at most.
    static func money(_ amount: Double, currency: String) -> String {
        "\(currency) \(compact(amount))"
    }

    /// `1.84 bn`, `62 m`, `12,400`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String) =
            magnitude >= 1e9 ? (value / 1e9, " bn") : magnitude >= 1e6 ? (value / 1e6, " m") : magnitude >= 1e4 ? (value / 1e3, " k") : (value, "")
        return significant(scaled) + suffix
    }

    /// A whole number with thousands separators: `12,400`.
    static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `42%`, `5.5%`, `-3.2%`.
    static func percent(_ fraction: Double) -> String {
        trimmed(String(format: "%.1f", fraction * 100)) + "%"
    }

    /// `+6.9%` or `-2.0%`, for growth.
    static func signedPercent(_ fraction: Double) -> String {
        (fraction >= 0 ? "+" : "") + percent(fraction)
    }

    /// `5 days`, `1 day`, `3 months` for long spans.
    static func duration(days: Int) -> String {
        let count = abs(days)
        if count >= 60 { return "\(count / 30) months" }
        return count == 1 ? "1 day" : "\(count) days"
    }

    private static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        if magnitude >= 1000 { return integer(Int(value.rounded())) }
        return trimmed(String(format: "%.\(decimals)f", value))
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }
}
