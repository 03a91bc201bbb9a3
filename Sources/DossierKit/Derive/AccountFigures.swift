/// The figures a KAM manager needs, derived from a dossier as of a given day.
public struct AccountFigures: Sendable, Equatable {
    public var asOf: Day
    /// Our commitments delivered on or before their due date (see `Commitment.status(asOf:)`: the
    /// original due date when it was moved). The four lists hold our commitments only, never the customer's.
    public var onTime: [Commitment] = []
    /// Our commitments delivered after their due date.
    public var deliveredLate: [Commitment] = []
    /// Our open commitments whose due date has passed.
    public var overdue: [Commitment] = []
    /// Our open commitments not yet due (or without a due date).
    public var open: [Commitment] = []
    /// The customer's open commitments (`by: customer`) whose due date has passed.
    public var customerOverdue: [Commitment] = []
    /// Share of our kept promises: on time / (delivered + overdue); nil when nothing was due yet.
    /// The customer's promises do not count.
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
    /// Progress of each objective with a `measure`, in the order written.
    public var objectiveProgress: [ObjectiveProgress] = []

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
            let status = commitment.status(asOf: asOf)
            guard commitment.isOurs else {
                if status == .overdue { customerOverdue.append(commitment) }
                continue
            }
            switch status {
            case .late: deliveredLate.append(commitment)
            case .kept: onTime.append(commitment)
            case .overdue: overdue.append(commitment)
            case .open: open.append(commitment)
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
        objectiveProgress = ObjectiveProgress.of(dossier, shareOfWallet: shareOfWallet, onTimeRate: onTimeRate, asOf: asOf)
    }
}
