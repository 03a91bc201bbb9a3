/// What the two-page brief shows from the account plan, with the limits that keep it on two A4 pages
/// (docs/site-guide.md lists them).
extension PageContext {
    /// Plan items due by the meeting, at most this many (the earliest first).
    static let briefPlanItems = 4
    /// Value outcomes of a pilot or trial, at most this many (as written).
    static let briefOutcomes = 3
    /// Open opportunities, the largest first.
    static let briefOpportunities = 3
    /// Wins shown per person in the room.
    static let briefWinsPerPerson = 2

    static func brief(of account: Account, _ env: RenderEnvironment) -> Context {
        let dossier = account.dossier
        let strings = env.strings
        let currency = dossier.financials?.currency ?? env.config.currency
        var context: Context = [:]
        // Plan items not done and due on or before the meeting day, overdue ones included; only for a plan
        // written with owners or objectives (the account plan), so a brief without them stays as it was.
        let isAccountPlan = dossier.plan.contains { $0.owner != nil || $0.objective != nil }
        if isAccountPlan, let meetingDay = dossier.nextMeeting?.date {
            let due = dossier.plan.enumerated()
                .filter { $0.element.done == nil && ($0.element.due.map { $0 <= meetingDay } ?? false) }
                .sorted { ($0.element.due?.epochDay ?? 0, $0.offset) < ($1.element.due?.epochDay ?? 0, $1.offset) }
                .map(\.element)
            if !due.isEmpty {
                var value: Context = ["items": due.prefix(briefPlanItems).map { milestone(of: $0, env) }]
                if due.count > briefPlanItems {
                    value["more"] = strings.plural("brief_more_in_report", count: due.count - briefPlanItems)
                }
                context["brief_plan"] = value
            }
        }
        // The value delivered so far, for a pilot or trial.
        if dossier.engagement == .pilot || dossier.engagement == .trial, let outcomes = dossier.value?.outcomes, !outcomes.isEmpty {
            var value: Context = ["outcomes": outcomes.prefix(briefOutcomes).map { outcome(of: $0, env) }]
            if outcomes.count > briefOutcomes {
                value["more"] = strings.plural("brief_more_in_report", count: outcomes.count - briefOutcomes)
            }
            context["brief_value"] = value
        }
        let open = dossier.openOpportunities
        if !open.isEmpty {
            var value: Context = ["rows": open.prefix(briefOpportunities).map { opportunity(of: $0, currency: currency, env) }]
            value["total"] = strings.format("plan_pipeline_open_total", [
                "amount": env.format.money(dossier.openPipelineValue, currency: currency),
                "count": strings.plural("plan_opportunities_count", count: open.count),
            ])
            context["brief_opportunities"] = value
        }
        return context
    }
}
