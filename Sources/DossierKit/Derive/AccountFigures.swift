/// The figures a KAM manager needs, derived from a dossier as of a given day.
public struct AccountFigures: Sendable, Equatable {
    public var asOf: Day
    /// Commitments delivered on or before their due date.
    public var onTime: [Commitment] = []
    /// Commitments delivered after their due date.
    public var deliveredLate: [Commitment] = []
    /// Open commitments whose due date has passed.
    public var overdue: [Commitment] = []
    /// Open commitments not yet due (or without a due date).
    public var open: [Commitment] = []
    /// Share of kept promises: on time / (delivered + overdue); nil when nothing was due yet.
    public var onTimeRate: Double?
    public var shareOfWallet: Double?
    /// Revenue growth against the previous year, by year.
    public var revenueGrowth: [Int: Double] = [:]
    public var missingResearch: [ResearchArea] = []
    public var daysSinceReview: Int?
    public var isStale = false
    public var daysInStage: Int?
    public var daysUntilMeeting: Int?
    public var overdueMilestones: [Milestone] = []

    /// Research completeness, 0...1, over the five research areas.
    public var completeness: Double {
        Double(ResearchArea.allCases.count - missingResearch.count) / Double(ResearchArea.allCases.count)
    }
}

extension AccountFigures {
    /// Derives every figure of `dossier` as of `asOf`; `staleAfterDays` marks research as stale.
    public init(of dossier: Dossier, asOf: Day, staleAfterDays: Int) {
        self.asOf = asOf
        for commitment in dossier.commitments {
            switch (commitment.done, commitment.due) {
            case (let done?, let due?) where done > due: deliveredLate.append(commitment)
            case (.some, _): onTime.append(commitment)
            case (nil, let due?) where due < asOf: overdue.append(commitment)
            case (nil, _): open.append(commitment)
            }
        }
        let measured = onTime.count + deliveredLate.count + overdue.count
        onTimeRate = measured == 0 ? nil : Double(onTime.count) / Double(measured)
        if let wallet = dossier.financials?.wallet, let total = wallet.total, let ours = wallet.ours, total > 0 {
            shareOfWallet = ours / total
        }
        let years = dossier.financials?.years ?? []
        for (previous, current) in zip(years, years.dropFirst()) where current.year == previous.year + 1 {
            if let now = current.revenue, let before = previous.revenue, before != 0 {
                revenueGrowth[current.year] = (now - before) / before
            }
        }
        missingResearch = ResearchArea.allCases.filter { !$0.isCovered(by: dossier) }
        if let reviewed = dossier.reviewed {
            daysSinceReview = reviewed.days(until: asOf)
            isStale = reviewed.days(until: asOf) > staleAfterDays
        } else {
            isStale = true
        }
        daysInStage = dossier.stageSince.map { $0.days(until: asOf) }
        daysUntilMeeting = dossier.nextMeeting?.date.map { asOf.days(until: $0) }
        overdueMilestones = dossier.plan.filter { $0.done == nil && ($0.due.map { $0 < asOf } ?? false) }
    }
}
