/// The account plan's changes: people's influence and our contacts, the customer's promises, plan
/// owners and dates, objectives, the value case, opportunities, white space, economics, sponsors and
/// reviews, and the stage evidence. List items are matched by their name, promise, milestone, goal,
/// metric, centre, year or sponsor pair.
extension ChangeDetector {
    static func planChanges(from old: Dossier, to new: Dossier) -> [Message] {
        var changes: [Message] = []
        changes += objectiveChanges(old.objectives, new.objectives)
        changes += valueChanges(old.value, new.value)
        changes += opportunityChanges(old.opportunities, new.opportunities)
        changes += whitespaceChanges(old.whitespace, new.whitespace)
        changes += economicsChanges(old.economics, new.economics)
        changes += governanceChanges(old.governance, new.governance)
        changes += evidenceChanges(old, new)
        return changes
    }

    /// Influence, reports-to and our contact of a stakeholder known in both versions.
    static func planChanges(of person: Stakeholder, from previous: Stakeholder) -> [Message] {
        let name = MessageArgument.text(person.name)
        var changes: [Message] = []
        if previous.influence != person.influence, let influence = person.influence {
            changes.append(Message("change_influence", ["name": name, "new": .word(influence.stringsKey)]))
        }
        if previous.reportsTo != person.reportsTo, let boss = person.reportsTo {
            changes.append(Message("change_reports_to", ["name": name, "boss": .text(boss)]))
        }
        if previous.ourContact != person.ourContact {
            if let contact = person.ourContact {
                changes.append(Message("change_our_contact", ["name": name, "contact": .text(contact)]))
            } else {
                changes.append(Message("change_our_contact_removed", ["name": name]))
            }
        }
        return changes
    }

    /// A plan item's new owner or due date.
    static func planChanges(of milestone: Milestone, from previous: Milestone) -> [Message] {
        let text = MessageArgument.text(milestone.milestone)
        var changes: [Message] = []
        if previous.owner != milestone.owner, let owner = milestone.owner {
            changes.append(Message("change_milestone_owner", ["milestone": text, "owner": .text(owner)]))
        }
        if previous.due != milestone.due, let due = milestone.due {
            changes.append(Message("change_milestone_due", ["milestone": text, "date": .day(due)]))
        }
        return changes
    }

    /// A new promise of the customer's, or one of theirs delivered or moved.
    static func customerCommitmentChanges(_ commitment: Commitment, previous: Commitment?) -> [Message] {
        let promise = MessageArgument.text(commitment.promise)
        guard let previous else {
            var changes = [commitment.due.map { Message("change_customer_commitment_added", ["promise": promise, "date": .day($0)]) }
                ?? Message("change_customer_commitment_added_undated", ["promise": promise])]
            if commitment.done != nil { changes.append(Message("change_customer_delivered", ["promise": promise])) }
            return changes
        }
        var changes: [Message] = []
        if previous.done == nil, commitment.done != nil { changes.append(Message("change_customer_delivered", ["promise": promise])) }
        if previous.due != commitment.due, let due = commitment.due {
            changes.append(Message("change_commitment_due", ["promise": promise, "date": .day(due)]))
        }
        return changes
    }

    private static func objectiveChanges(_ old: [Objective], _ new: [Objective]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.goal) { objective, previous in
            let goal = MessageArgument.text(objective.goal)
            guard let previous else { return [Message("change_objective_added", ["goal": goal])] }
            var changes: [Message] = []
            if previous.target != objective.target, let target = objective.target {
                changes.append(Message("change_objective_target", ["goal": goal, "target": argument(target)]))
            }
            if previous.by != objective.by, let by = objective.by {
                changes.append(Message("change_objective_by", ["goal": goal, "date": .day(by)]))
            }
            return changes
        } removed: { objective in
            [Message("change_objective_removed", ["goal": .text(objective.goal)])]
        }
    }

    private static func argument(_ target: Objective.TargetValue) -> MessageArgument {
        switch target {
        case .fraction(let value): .percent(value)
        case .amount(let value): .amount(value)
        case .stage(let stage): .stage(stage)
        case .text(let text): .text(text)
        }
    }

    private static func valueChanges(_ old: ValueCase?, _ new: ValueCase?) -> [Message] {
        var changes: [Message] = []
        if old?.proposition != new?.proposition, let proposition = new?.proposition {
            changes.append(Message("change_value_proposition", ["proposition": .text(proposition)]))
        }
        changes += KeyedDiff.messages(old?.outcomes ?? [], new?.outcomes ?? [], by: \.metric) { outcome, previous in
            let metric = MessageArgument.text(outcome.metric)
            guard let previous else { return [Message("change_outcome_added", ["metric": metric])] }
            return [("change_outcome_baseline", previous.baseline, outcome.baseline),
                    ("change_outcome_target", previous.target, outcome.target),
                    ("change_outcome_actual", previous.actual, outcome.actual)].compactMap { key, was, now in
                guard was != now, let now else { return nil }
                return Message(key, ["metric": metric, "old": was.map { .measured($0) } ?? .word("chart_none"), "new": .measured(now)])
            }
        }
        return changes
    }

    private static func opportunityChanges(_ old: [Opportunity], _ new: [Opportunity]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.name) { opportunity, previous in
            let name = MessageArgument.text(opportunity.name)
            guard let previous else { return [Message("change_opportunity_added", ["name": name])] }
            var changes: [Message] = []
            if previous.stage != opportunity.stage, let stage = opportunity.stage {
                changes.append(Message("change_opportunity_stage", ["name": name, "old": previous.stage.map { .word($0.stringsKey) } ?? .word("chart_none"),
                                                                    "new": .word(stage.stringsKey)]))
            }
            if previous.value != opportunity.value, let value = opportunity.value {
                changes.append(Message("change_opportunity_value", ["name": name, "old": previous.value.map { .amount($0) } ?? .word("chart_none"),
                                                                    "new": .amount(value)]))
            }
            return changes
        } removed: { opportunity in
            [Message("change_opportunity_removed", ["name": .text(opportunity.name)])]
        }
    }

    /// Each cell of the white-space grid that changed, for the offerings either version names.
    private static func whitespaceChanges(_ old: [BuyingCentre], _ new: [BuyingCentre]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.name) { centre, previous in
            guard let previous else { return [Message("change_centre_added", ["centre": .text(centre.name)])] }
            var offerings: [String] = []
            for offering in previous.named + centre.named where !offerings.contains(offering) { offerings.append(offering) }
            return offerings.compactMap { offering in
                let (was, now) = (previous.coverage(of: offering), centre.coverage(of: offering))
                guard was != now else { return nil }
                return Message("change_whitespace", ["centre": .text(centre.name), "offering": .text(offering), "old": argument(was), "new": argument(now)])
            }
        }
    }

    private static func argument(_ coverage: BuyingCentre.Coverage) -> MessageArgument {
        if case .competitor(let name) = coverage { return .text(name) }
        return .word(coverage.stringsKey)
    }

    private static func economicsChanges(_ old: Economics?, _ new: Economics?) -> [Message] {
        var changes: [Message] = []
        if old?.feasibility?.verdict != new?.feasibility?.verdict, let verdict = new?.feasibility?.verdict {
            changes.append(Message("change_feasibility", ["new": .word(verdict.stringsKey)]))
        }
        changes += KeyedDiff.messages(old?.years ?? [], new?.years ?? [], by: \.year) { year, previous in
            var changes: [Message] = []
            if previous?.ourRevenue != year.ourRevenue, let revenue = year.ourRevenue {
                changes.append(Message("change_our_revenue", ["year": .number(year.year), "old": previous?.ourRevenue.map { .amount($0) } ?? .word("chart_none"),
                                                              "new": .amount(revenue)]))
            }
            if previous?.grossMargin != year.grossMargin, let margin = year.grossMargin {
                changes.append(Message("change_gross_margin", ["year": .number(year.year), "old": previous?.grossMargin.map { .percent($0) } ?? .word("chart_none"),
                                                               "new": .percent(margin)]))
            }
            return changes
        }
        return changes
    }

    private static func governanceChanges(_ old: Governance?, _ new: Governance?) -> [Message] {
        func key(_ pair: Governance.SponsorPair) -> String { "\(pair.ours ?? "")\u{1F}\(pair.theirs ?? "")" }
        func arguments(_ pair: Governance.SponsorPair) -> [String: MessageArgument] {
            ["ours": pair.ours.map { .text($0) } ?? .word("chart_none"), "theirs": pair.theirs.map { .text($0) } ?? .word("chart_none")]
        }
        var changes = KeyedDiff.messages(old?.sponsors ?? [], new?.sponsors ?? [], by: key) { pair, previous in
            guard let previous else { return [Message("change_sponsor_added", arguments(pair))] }
            guard previous.lastMet != pair.lastMet, let met = pair.lastMet else { return [] }
            return [Message("change_sponsors_met", arguments(pair).merging(["date": .day(met)]) { _, new in new })]
        } removed: { pair in
            [Message("change_sponsor_removed", arguments(pair))]
        }
        if old?.reviewEveryMonths != new?.reviewEveryMonths, let months = new?.reviewEveryMonths {
            changes.append(Message("change_review_rhythm", ["months": .number(months)]))
        }
        if old?.lastReview != new?.lastReview, let review = new?.lastReview {
            changes.append(Message("change_review", ["date": .day(review)]))
        }
        return changes
    }

    private static func evidenceChanges(_ old: Dossier, _ new: Dossier) -> [Message] {
        var changes: [Message] = []
        if old.stageEvidence?.supplierStatus != new.stageEvidence?.supplierStatus, let status = new.stageEvidence?.supplierStatus {
            changes.append(Message("change_supplier_status", ["new": .word(status.stringsKey)]))
        }
        if old.stageEvidence?.jointPlan != true, new.stageEvidence?.jointPlan == true {
            changes.append(Message("change_joint_plan"))
        }
        if old.suggestedStage != new.suggestedStage, let stage = new.suggestedStage {
            changes.append(Message("change_suggested_stage", ["stage": .stage(stage)]))
        }
        return changes
    }
}

private extension BuyingCentre {
    /// Every offering the entry names, in the order written: ours, then competitors', then open.
    var named: [String] { ours + competitors.map(\.offering) + open }
}
