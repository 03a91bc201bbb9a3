/// Whether a promise was kept: the one home of on-time, late, overdue and open.
extension Commitment {
    /// Where a commitment stands on a given day.
    public enum Status: Sendable, Equatable {
        /// Delivered on or before the day it was first promised for (or delivered without a date).
        case kept
        /// Delivered after the day it was first promised for.
        case late
        /// Not delivered, and the day it was first promised for has passed.
        case overdue
        /// Not delivered and not yet due, or without a date.
        case open
    }

    /// The commitment's status on `asOf`, measured against `measuredDue`: `original_due` when the date
    /// was moved, so moving a date does not hide that it was missed.
    public func status(asOf: Day) -> Status {
        switch (done, measuredDue) {
        case (let done?, let due?) where done > due: .late
        case (.some, _): .kept
        case (nil, let due?) where due < asOf: .overdue
        case (nil, _): .open
        }
    }
}
