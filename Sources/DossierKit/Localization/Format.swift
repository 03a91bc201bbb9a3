import Foundation

/// Formats numbers, dates and spans for people in the site's language, the same way on every machine
/// (no locale look-ups: the patterns come from the strings file).
struct Format: Sendable, Equatable {
    let strings: Strings

    init(_ strings: Strings) {
        self.strings = strings
    }

    /// `3 Dec 2026` in English, `2026年12月3日` in Chinese (pattern `date_format`, month names `months`).
    func day(_ day: Day) -> String {
        let months = strings.list("months")
        let month = months.indices.contains(day.month - 1) ? months[day.month - 1] : String(day.month)
        return strings.format("date_format", ["day": String(day.day), "month": month, "year": String(day.year)])
    }

    /// `EUR 1.84 bn` in English, `EUR 18.4亿` in Chinese; the bare number without a currency.
    func money(_ amount: Double, currency: String) -> String {
        currency.isEmpty ? compact(amount) : strings.format("money_format", ["currency": currency, "amount": compact(amount)])
    }

    /// Large numbers in the language's units (`large_number_units` in the strings): `1.84 bn`, `62 m`,
    /// `420 k`; `18.4亿`, `6,200万`.
    func compact(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        for unit in strings.largeNumberUnits where magnitude >= unit.threshold {
            return Strings.fill(unit.pattern, ["n": Self.significant(value / unit.divisor)])
        }
        return Self.significant(value)
    }

    /// A whole number with thousands separators: `12,400`.
    func integer(_ value: Int) -> String { Self.grouped(value) }

    /// `42%`, `5.5%`, `-3.2%`.
    func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        return Self.trimmed(String(format: "%.1f", fraction * 100)) + "%"
    }

    /// A measured value of a value outcome as written: `0.74%` (percentages keep two significant
    /// decimals below 10%, unlike `percent`), `127`, `1.2 m`.
    func metric(_ value: MetricValue) -> String {
        guard value.number.isFinite else { return "–" }
        return value.isPercent ? Self.significant(value.number * 100) + "%" : compact(value.number)
    }

    /// `+6.9%` or `-2.0%`, for growth.
    func signedPercent(_ fraction: Double) -> String {
        (fraction >= 0 ? "+" : "") + percent(fraction)
    }

    /// The span from one day to another (either order): `5 days`, `1 day`, or whole calendar months
    /// (`Day.months(until:)`) from 60 days on, such as `3 months`.
    func duration(from start: Day, to end: Day) -> String {
        let days = abs(start.days(until: end))
        if days >= 60 { return strings.plural("duration_months", count: abs(start.months(until: end))) }
        return strings.plural("duration_days", count: days)
    }

    /// `in 5 days`, `today`, `5 days ago`: when `day` is, seen from `asOf`.
    func relative(_ day: Day, from asOf: Day) -> String {
        let days = asOf.days(until: day)
        if days == 0 { return strings["when_today"] }
        return strings.format(days > 0 ? "when_in" : "when_ago", ["span": duration(from: asOf, to: day)])
    }

    static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e15 { return String(format: "%.3g", value) }
        if magnitude >= 1000 { return grouped(Int(value.rounded())) }
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        return trimmed(String(format: "%.\(decimals)f", value))
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result == "-0" ? "0" : result
    }
}
