/// The relationship stage Millman & Wilson's markers suggest.
extension StageEvidence {
    /// The latest stage whose markers the evidence shows (docs/dossier-format.md has the table):
    ///
    /// - pre: no `supplier_status`;
    /// - early: `one-of-many` or `approved`, or contacts in at most one function;
    /// - mid: `preferred` (or better) and two or more functions;
    /// - partnership: `sole` or `partner`, three or more functions, and the customer shares forecasts or plans;
    /// - synergistic: `partner`, a joint plan, four or more functions, and the customer shares costs or roadmaps.
    ///
    /// A later stage needs all its markers; evidence that meets a later stage's status but not its other
    /// markers falls back to the latest stage it does meet. Uncoupling is never suggested.
    public var suggestedStage: Stage {
        guard let status = supplierStatus else { return .pre }
        let functionCount = Set(functions.map { $0.lowercased() }).count
        if status == .partner, jointPlan == true, functionCount >= 4, shares.contains(.costs) || shares.contains(.roadmaps) {
            return .synergistic
        }
        if status == .sole || status == .partner, functionCount >= 3, shares.contains(.forecasts) || shares.contains(.plans) {
            return .partnership
        }
        if status == .preferred || status == .sole || status == .partner, functionCount >= 2 {
            return .mid
        }
        return .early
    }
}
