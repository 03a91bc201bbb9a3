/// The strings keys of the account plan's words, so pages show them in the site's language
/// (templates/strings/en.yml and zh.yml).
extension Level {
    /// `level_high`, `level_medium`, `level_low`: for `influence` and `valued`.
    public var stringsKey: String { "level_" + rawValue }
}

extension Commitment.Party {
    /// `party_us`, `party_customer`.
    public var stringsKey: String { "party_" + rawValue }
}

extension Objective.Measure {
    /// `measure_share_of_wallet`, ...
    public var stringsKey: String { "measure_" + rawValue }
}

extension ObjectiveProgress.Status {
    /// `objective-status_reached`, `objective-status_on-track`, ...
    public var stringsKey: String { "objective-status_" + rawValue }
}

extension Opportunity.SalesStage {
    /// `opportunity-stage_qualify`, ...
    public var stringsKey: String { "opportunity-stage_" + rawValue }
}

extension Economics.Feasibility.Verdict {
    /// `verdict_go`, `verdict_hold`, `verdict_no-go`.
    public var stringsKey: String { "verdict_" + rawValue }
}

extension StageEvidence.SupplierStatus {
    /// `supplier-status_one-of-many`, ...
    public var stringsKey: String { "supplier-status_" + rawValue }
}

extension StageEvidence.SharedInformation {
    /// `shared_forecasts`, ...
    public var stringsKey: String { "shared_" + rawValue }
}

extension BuyingCentre.Coverage {
    /// `coverage_ours`, `coverage_competitor`, `coverage_open`, `coverage_unknown` (the competitor's name is shown besides).
    public var stringsKey: String {
        switch self {
        case .ours: "coverage_ours"
        case .competitor: "coverage_competitor"
        case .open: "coverage_open"
        case .unknown: "coverage_unknown"
        }
    }
}
