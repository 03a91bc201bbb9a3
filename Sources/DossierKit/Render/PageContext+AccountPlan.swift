/// The account plan's values on the account report (and the brief, which shares the report's context).
///
/// Every key is left out when the dossier has none of the fields it shows, so an account without the
/// plan's fields renders exactly as before.
extension PageContext {
    static func accountPlan(_ account: Account, _ env: RenderEnvironment) -> Context {
        let dossier = account.dossier
        let currency = dossier.financials?.currency ?? env.config.currency
        var context: Context = [:]
        context["relationship_map"] = relationshipMap(of: dossier, env)
        context["has_objectives"] = !dossier.objectives.isEmpty
        if !dossier.objectives.isEmpty {
            context["objectives"] = objectives(of: account, currency: currency, env)
            let numbers = dossier.objectives.indices.map { $0 + 1 }
            let loose = dossier.plan.filter { milestone in milestone.objective.map { !numbers.contains($0) } ?? true }
            context["plan_without_objective"] = loose.map { milestone(of: $0, env) }
        }
        context["value_case"] = valueCase(of: dossier, env)
        context["opportunities"] = opportunities(of: dossier, currency: currency, env)
        context["whitespace"] = whitespace(of: dossier, env)
        context["economics"] = economics(of: dossier, currency: currency, env)
        context["governance"] = governance(of: dossier, env)
        context["commitments_split"] = commitmentsSplit(of: dossier, env)
        context["stage_evidence"] = stageEvidence(of: dossier, env)
        return context
    }

    // MARK: Relationship map

    /// The map and its table, when any stakeholder has influence, a manager, our contact or wins.
    private static func relationshipMap(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        let people = dossier.stakeholders
        guard people.contains(where: { $0.influence != nil || $0.reportsTo != nil || $0.ourContact != nil || !$0.wins.isEmpty }) else { return nil }
        let strings = env.strings
        let map = RelationshipMap(people: people, labels: .init(strings))
        let rows = people.map { person -> Context in
            var row = stakeholder(of: person, env)
            row["influence"] = person.influence.map { strings[$0.stringsKey] }
            row["reports_to"] = person.reportsTo
            row["our_contact"] = person.ourContact
            row["wins"] = person.wins.isEmpty ? nil : person.wins.joined(separator: strings["list_separator"])
            row["is_uncovered"] = RelationshipMap.isUncovered(person)
            return row
        }
        let uncovered = people.filter(RelationshipMap.isUncovered).map(\.name)
        var value: Context = ["svg": map.svg(id: "relationship-map"), "people": rows]
        if !uncovered.isEmpty {
            value["uncovered"] = strings.format("plan_map_uncovered_note", ["names": uncovered.joined(separator: strings["list_separator"])])
        }
        return value
    }

    // MARK: Objectives and the plan under them

    private static func objectives(of account: Account, currency: String, _ env: RenderEnvironment) -> [Context] {
        let dossier = account.dossier
        let strings = env.strings
        let format = env.format
        let progress = Dictionary(account.figures.objectiveProgress.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        return dossier.objectives.enumerated().map { index, objective -> Context in
            let number = index + 1
            var row: Context = ["number": number, "goal": objective.goal]
            row["measure"] = objective.measure.map { strings[$0.stringsKey] }
            row["target_value"] = objective.target.map { targetText($0, currency: currency, env) }
            row["by_day"] = objective.by.map(format.day)
            if let progress = progress[number] {
                row["current_value"] = progress.current.map { targetText($0, currency: currency, env) } ?? strings["chart_unknown"]
                row["progress"] = progress.status.rawValue
                row["progress_label"] = strings[progress.status.stringsKey]
            }
            row["items"] = dossier.planItems(forObjective: number).map { milestone(of: $0, env) }
            return row
        }
    }

    /// A target or current value in words: `25%`, `EUR 9 m`, `Partnership KAM`, or the text as written.
    static func targetText(_ value: Objective.TargetValue, currency: String, _ env: RenderEnvironment) -> String {
        switch value {
        case .fraction(let fraction): env.format.percent(fraction)
        case .amount(let amount): env.format.money(amount, currency: currency)
        case .stage(let stage): env.strings.name(of: stage)
        case .text(let text): text
        }
    }

    // MARK: Value, opportunities, white space

    private static func valueCase(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        guard let value = dossier.value, value.proposition != nil || !value.outcomes.isEmpty else { return nil }
        var context: Context = ["outcomes": value.outcomes.map { outcome(of: $0, env) }]
        context["proposition"] = value.proposition
        return context
    }

    static func outcome(of outcome: ValueCase.Outcome, _ env: RenderEnvironment) -> Context {
        let format = env.format
        var row: Context = ["metric": outcome.metric]
        row["baseline"] = outcome.baseline.map(format.metric)
        row["outcome_target"] = outcome.target.map(format.metric)
        row["actual"] = outcome.actual.map(format.metric)
        row["agreed_by"] = outcome.agreedBy
        return row
    }

    private static func opportunities(of dossier: Dossier, currency: String, _ env: RenderEnvironment) -> Context? {
        guard !dossier.opportunities.isEmpty else { return nil }
        let open = dossier.openOpportunities
        let closed = dossier.opportunities.filter { !$0.isOpen }
        return [
            "rows": (open + closed).map { opportunity(of: $0, currency: currency, env) },
            "total": env.strings.format("plan_pipeline_open_total", [
                "amount": env.format.money(dossier.openPipelineValue, currency: currency),
                "count": env.strings.plural("plan_opportunities_count", count: open.count),
            ]),
        ]
    }

    static func opportunity(of opportunity: Opportunity, currency: String, _ env: RenderEnvironment) -> Context {
        var row: Context = ["name": opportunity.name, "is_open": opportunity.isOpen]
        row["offering"] = opportunity.offering
        row["opportunity_value"] = opportunity.value.map { env.format.money($0, currency: currency) }
        row["sales_stage"] = opportunity.stage.map { env.strings[$0.stringsKey] }
        row["sales_stage_class"] = opportunity.stage?.rawValue
        row["close"] = opportunity.close.map(env.format.day)
        row["opportunity_owner"] = opportunity.owner
        return row
    }

    /// The grid: the site's offerings in their order, then any other offering a centre names, in the order first named.
    private static func whitespace(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        guard !dossier.whitespace.isEmpty else { return nil }
        var offerings = env.config.offerings
        for centre in dossier.whitespace {
            for offering in centre.ours + centre.competitors.map(\.offering) + centre.open where !offerings.contains(offering) {
                offerings.append(offering)
            }
        }
        let strings = env.strings
        let centres = dossier.whitespace.map { centre -> Context in
            let cells = offerings.map { offering -> Context in
                let coverage = centre.coverage(of: offering)
                let label: String = if case .competitor(let name) = coverage { name } else { strings[coverage.stringsKey] }
                return ["label": label, "class": String(coverage.stringsKey.dropFirst("coverage_".count))]
            }
            return ["name": centre.name, "cells": cells]
        }
        return ["offerings": offerings, "centres": centres]
    }

    // MARK: Economics and governance

    private static func economics(of dossier: Dossier, currency: String, _ env: RenderEnvironment) -> Context? {
        guard let economics = dossier.economics, economics.feasibility != nil || !economics.years.isEmpty else { return nil }
        let strings = env.strings
        let format = env.format
        var context: Context = [:]
        if !economics.years.isEmpty {
            let years = economics.years.map { RevenueChart.Year(year: $0.year, revenue: $0.ourRevenue, margin: $0.grossMargin) }
            context["svg"] = RevenueChart(years: years, currency: currency, labels: .init(strings, subject: .ourBusiness)).svg(id: "economics-chart")
            let costs = economics.years.compactMap { year in
                year.costToServe.map { strings.format("plan_cost_year", ["year": String(year.year), "amount": format.money($0, currency: currency)]) }
            }
            if !costs.isEmpty { context["cost_to_serve"] = costs.joined(separator: strings["list_separator"]) }
        }
        if let feasibility = economics.feasibility {
            var verdict: Context = [:]
            verdict["verdict"] = feasibility.verdict.map { strings[$0.stringsKey] } ?? strings["plan_no_verdict"]
            verdict["class"] = feasibility.verdict?.rawValue ?? "none"
            verdict["decided"] = feasibility.decided.map { strings.format("plan_decided", ["date": format.day($0)]) }
            verdict["reason"] = feasibility.reason
            context["feasibility"] = verdict
        }
        return context
    }

    private static func governance(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        guard let governance = dossier.governance else { return nil }
        let strings = env.strings
        let format = env.format
        var context: Context = [:]
        context["sponsors"] = governance.sponsors.map { pair -> Context in
            var row: Context = [:]
            row["ours"] = pair.ours
            row["theirs"] = pair.theirs
            row["last_met"] = pair.lastMet.map { strings.format("label_days_ago", ["date": format.day($0), "span": format.duration(from: $0, to: env.asOf)]) }
            return row
        }
        context["rhythm"] = governance.reviewEveryMonths.map { strings.plural("plan_every_months", count: $0) }
        context["last_review"] = governance.lastReview.map(format.day)
        if let due = governance.nextReviewDue {
            let isOverdue = due < env.asOf
            context["next_review"] = strings.format("plan_next_review_when", ["date": format.day(due), "when": format.relative(due, from: env.asOf)])
            context["is_overdue"] = isOverdue
        }
        return context
    }

    // MARK: Commitments, stage evidence

    /// Ours and theirs in two lists, when the dossier records who promised, a moved date or how much a promise is valued.
    private static func commitmentsSplit(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        guard dossier.commitments.contains(where: { !$0.isOurs || $0.originalDue != nil || $0.valued != nil }) else { return nil }
        func rows(_ commitments: [Commitment]) -> [Context] {
            commitments.map { item -> Context in
                var row = commitment(of: item, env)
                row["owner"] = item.owner ?? ""
                row["original_due"] = item.originalDue.map { env.strings.format("plan_moved_from", ["date": env.format.day($0)]) }
                row["valued"] = item.valued.map { env.strings.format("plan_valued", ["level": env.strings[$0.stringsKey]]) }
                return row
            }
        }
        return ["ours": rows(dossier.ourCommitments), "theirs": rows(dossier.customerCommitments)]
    }

    private static func stageEvidence(of dossier: Dossier, _ env: RenderEnvironment) -> Context? {
        guard let evidence = dossier.stageEvidence else { return nil }
        let strings = env.strings
        let separator = strings["list_separator"]
        let suggested = evidence.suggestedStage
        var context: Context = ["suggested": stage(suggested, env), "declared": stage(dossier.stage, env)]
        context["functions"] = evidence.functions.isEmpty ? nil : evidence.functions.joined(separator: separator)
        context["shares"] = evidence.shares.isEmpty ? nil : evidence.shares.map { strings[$0.stringsKey] }.joined(separator: separator)
        context["supplier_status"] = evidence.supplierStatus.map { strings[$0.stringsKey] }
        context["joint_plan"] = evidence.jointPlan.map { strings[$0 ? "plan_evidence_joint_plan_yes" : "plan_evidence_joint_plan_no"] }
        let comparison = dossier.stage == .uncoupling ? "uncoupling"
            : dossier.stage > suggested ? "above" : dossier.stage < suggested ? "below" : "matches"
        context["comparison"] = strings.format("plan_evidence_\(comparison)", ["declared": strings.name(of: dossier.stage), "suggested": strings.name(of: suggested)])
        context["is_above"] = comparison == "above"
        context["short"] = strings.format("plan_evidence_short", ["stage": strings.name(of: suggested)])
        return context
    }
}
