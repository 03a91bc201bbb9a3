/// Facts of the account plan read straight off the dossier, without a day.
extension Dossier {
    /// The promises we made (`by: us`, the default), in the order written.
    public var ourCommitments: [Commitment] { commitments.filter(\.isOurs) }

    /// The promises the customer made (`by: customer`), in the order written.
    public var customerCommitments: [Commitment] { commitments.filter { !$0.isOurs } }

    /// Opportunities not yet won or lost, largest value first (those without a value last), then as written.
    public var openOpportunities: [Opportunity] {
        opportunities.enumerated().filter { $0.element.isOpen }.sorted { lhs, rhs in
            let (left, right) = (lhs.element.value ?? -1, rhs.element.value ?? -1)
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The open pipeline: the sum of the values of the open opportunities, unweighted (each counts in
    /// full, whatever its stage: the format has no win probability). Zero when there is none.
    public var openPipelineValue: Double {
        openOpportunities.reduce(0) { $0 + ($1.value ?? 0) }
    }

    /// The stage the `stage_evidence` suggests; nil when the dossier has none.
    public var suggestedStage: Stage? { stageEvidence?.suggestedStage }

    /// The objective a plan item serves, by its 1-based `objective` number.
    public func objective(of milestone: Milestone) -> Objective? {
        guard let number = milestone.objective, objectives.indices.contains(number - 1) else { return nil }
        return objectives[number - 1]
    }

    /// The plan items serving the objective with the 1-based `number`, in the order written.
    public func planItems(forObjective number: Int) -> [Milestone] {
        plan.filter { $0.objective == number }
    }
}
