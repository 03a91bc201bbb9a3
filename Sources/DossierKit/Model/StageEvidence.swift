/// Millman & Wilson's markers of how far the relationship has come (`stage_evidence:`); the stage they
/// suggest is derived by `suggestedStage`.
public struct StageEvidence: Sendable, Equatable, Codable {
    /// Information the customer shares with us.
    public enum SharedInformation: String, Keyword { case forecasts, plans, costs, roadmaps }

    /// Our standing among the customer's suppliers.
    public enum SupplierStatus: String, Keyword {
        case oneOfMany = "one-of-many"
        case approved, preferred, sole, partner
    }

    /// Functions in regular contact on both sides, e.g. operations, procurement, IT.
    public var functions: [String] = []
    public var shares: [SharedInformation] = []
    public var supplierStatus: SupplierStatus?
    /// Whether there is a joint business plan.
    public var jointPlan: Bool?

    public init(functions: [String] = [], shares: [SharedInformation] = [], supplierStatus: SupplierStatus? = nil, jointPlan: Bool? = nil) {
        self.functions = functions
        self.shares = shares
        self.supplierStatus = supplierStatus
        self.jointPlan = jointPlan
    }
}
