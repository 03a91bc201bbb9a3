/// Counting in calendar months: the one home of "N months later" and "N whole months between".
///
/// Every page, rule and message that speaks of months uses these two, so the report header, the
/// stage tables, the brief and the rules say the same number for the same account.
extension Day {
    /// The same day `count` months later (earlier when negative), moved back to the month's last day
    /// when that month is shorter: 2026-01-31 plus one month is 2026-02-28.
    public func adding(months count: Int) -> Day {
        let months = year * 12 + (month - 1) + count
        let newYear = months >= 0 ? months / 12 : (months - 11) / 12
        let newMonth = months - newYear * 12 + 1
        let newDay = min(day, Day.daysInMonth(newMonth, of: newYear))
        return Day(year: newYear, month: newMonth, day: newDay) ?? adding(days: count * 365 / 12)
    }

    /// Whole calendar months from this day to `other`: the largest `n` with `adding(months: n) <= other`
    /// (negative, counted the same way backwards, when `other` is earlier).
    ///
    /// 2026-01-31 → 2026-02-28 is one month (the month's last day stands for the 31st); 2026-01-15 →
    /// 2026-02-14 is none; 2024-02-29 → 2025-02-28 is twelve; the same day is none.
    public func months(until other: Day) -> Int {
        guard other >= self else { return -other.months(until: self) }
        var count = (other.year - year) * 12 + (other.month - month)
        while count > 0, adding(months: count) > other { count -= 1 }
        return count
    }
}
