/// How far an objective with a `measure` has come, from the dossier's own figures, as of a day.
///
/// "On track" is decided in this order:
/// 1. **reached**: the current value meets the target (a stage counts as reached from that stage on, but
///    `uncoupling` reaches only an `uncoupling` target);
/// 2. **missed**: the `by` day has passed without reaching it;
/// 3. otherwise, with time left:
///    - `share_of_wallet`, `on_time_rate`: on track within `closeEnough` (ten percentage points) of the target;
///    - `our_revenue`: with two consecutive years of our revenue, on track when the last year-on-year
///      change, continued to the year of `by` (one more year when there is no `by`), reaches the target;
///      with one year only, on track within 10% of the target;
///    - `stage`: on track when the stages still to climb are no more than the whole years left to `by`
///      (at least one: a stage a year); unknown without `by`; never on track while uncoupling.
///
/// Unknown when the objective has no measure or target, or the dossier lacks the figure.
public struct ObjectiveProgress: Sendable, Equatable {
    /// The verdict on one objective.
    public enum Status: String, Sendable, Equatable {
        case reached
        case onTrack = "on-track"
        case behind
        case missed
        case unknown

        /// True when reached or on track, false when behind or missed, nil when unknown.
        public var isOnTrack: Bool? {
            switch self {
            case .reached, .onTrack: true
            case .behind, .missed: false
            case .unknown: nil
            }
        }
    }

    /// How close a share or rate must be to its target, with time left, to count as on track.
    public static let closeEnough = 0.10

    public var objective: Objective
    /// The objective's 1-based number, as plan items name it.
    public var number: Int
    /// The measure's current value from the dossier's figures; nil when the dossier lacks it.
    public var current: Objective.TargetValue?
    public var status: Status

    public var isOnTrack: Bool? { status.isOnTrack }

    public init(objective: Objective, number: Int, current: Objective.TargetValue?, status: Status) {
        self.objective = objective
        self.number = number
        self.current = current
        self.status = status
    }
}

extension ObjectiveProgress {
    /// The progress of each objective of `dossier` that has a `measure`, in the order written.
    /// `shareOfWallet` and `onTimeRate` are the account's figures (`AccountFigures`).
    static func of(_ dossier: Dossier, shareOfWallet: Double?, onTimeRate: Double?, asOf: Day) -> [ObjectiveProgress] {
        dossier.objectives.enumerated().compactMap { index, objective in
            guard let measure = objective.measure else { return nil }
            let current: Objective.TargetValue? = switch measure {
            case .shareOfWallet: shareOfWallet.map { .fraction($0) }
            case .onTimeRate: onTimeRate.map { .fraction($0) }
            case .ourRevenue: dossier.economics?.latestOurRevenue.map { .amount($0.amount) }
            case .stage: .stage(dossier.stage)
            }
            let status = status(of: objective, current: current, economics: dossier.economics, asOf: asOf)
            return ObjectiveProgress(objective: objective, number: index + 1, current: current, status: status)
        }
    }

    private static func status(of objective: Objective, current: Objective.TargetValue?, economics: Economics?, asOf: Day) -> Status {
        guard let current, let target = objective.target else { return .unknown }
        let isPast = objective.by.map { $0 < asOf } ?? false
        switch (current, target) {
        case (.fraction(let now), .fraction(let goal)):
            if now >= goal - 1e-9 { return .reached }
            if isPast { return .missed }
            return goal - now <= closeEnough + 1e-9 ? .onTrack : .behind
        case (.amount(let now), .amount(let goal)):
            if now >= goal { return .reached }
            if isPast { return .missed }
            return revenueStatus(now: now, goal: goal, by: objective.by, economics: economics)
        case (.stage(let now), .stage(let goal)):
            if now == goal || (now != .uncoupling && goal != .uncoupling && now > goal) { return .reached }
            if isPast { return .missed }
            guard now != .uncoupling else { return .behind }
            guard let by = objective.by else { return .unknown }
            let yearsLeft = max(1, Int((Double(asOf.days(until: by)) / 365.25).rounded(.up)))
            return goal.order - now.order <= yearsLeft ? .onTrack : .behind
        default:
            return .unknown
        }
    }

    /// Our revenue with time left: the last year-on-year change continued to the target year.
    private static func revenueStatus(now: Double, goal: Double, by: Day?, economics: Economics?) -> Status {
        let revenues = (economics?.years ?? []).compactMap { year in year.ourRevenue.map { (year: year.year, amount: $0) } }
        guard revenues.count >= 2, let last = revenues.last, revenues[revenues.count - 2].year == last.year - 1 else {
            return now >= goal * (1 - closeEnough) ? .onTrack : .behind
        }
        let change = last.amount - revenues[revenues.count - 2].amount
        let years = max(1, (by?.year ?? last.year + 1) - last.year)
        return last.amount + change * Double(years) >= goal ? .onTrack : .behind
    }
}
