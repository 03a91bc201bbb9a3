/// The latest figures of our business with the customer.
extension Economics {
    /// The latest year that gives a gross margin, with the margin as a fraction.
    public var latestGrossMargin: (year: Int, margin: Double)? {
        years.last { $0.grossMargin != nil }.flatMap { year in year.grossMargin.map { (year.year, $0) } }
    }

    /// The latest year that gives our revenue, with the amount.
    public var latestOurRevenue: (year: Int, amount: Double)? {
        years.last { $0.ourRevenue != nil }.flatMap { year in year.ourRevenue.map { (year.year, $0) } }
    }
}
