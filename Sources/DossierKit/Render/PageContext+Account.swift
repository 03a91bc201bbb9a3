/// The account report's and the brief's values.
extension PageContext {
    static func account(_ account: Account, _ env: RenderEnvironment) -> Context {
        let dossier = account.dossier
        let figures = account.figures
        let strings = env.strings
        let format = env.format
        let root = "../../"
        let currency = dossier.financials?.currency ?? env.config.currency
        var context = common(env, root: root, title: dossier.name)
        context.merge(summary(of: account, root: root, env)) { _, new in new }
        context["brief_title"] = strings.format("brief_title", ["name": dossier.name])
        context["team"] = dossier.team.isEmpty ? nil : strings.format("label_team", ["names": dossier.team.joined(separator: strings["list_separator"])])
        context["stage_since"] = dossier.stageSince.map { strings.format("label_since", ["date": format.day($0)]) }
        context["reviewed"] = dossier.reviewed.map { reviewed in
            strings.format("label_days_ago", ["date": format.day(reviewed), "span": format.duration(from: reviewed, to: env.asOf)])
        }
        context["is_stale"] = figures.isStale
        context["completeness_label"] = strings.format("label_complete", ["percent": format.percent(figures.completeness)])
        context["tags"] = dossier.tags.map { env.links.link($0, kind: .tags, root: root) }
        context["owner_url"] = root + env.links.path(of: dossier.owner, kind: .owners)
        context["plan"] = dossier.plan.map { milestone(of: $0, env) }
        context["financials"] = financials(of: dossier, figures: figures, currency: currency, env)
        if let strategy = dossier.strategy, strategy.summary != nil || !strategy.priorities.isEmpty {
            var value: Context = ["priorities": strategy.priorities]
            value["summary"] = strategy.summary
            context["strategy"] = value
        }
        context["segments"] = dossier.segments.map { segment -> Context in
            var row = env.links.link(segment.name, kind: .segments, root: root)
            row["share"] = segment.share.map(format.percent)
            row["trend"] = segment.trend.map { strings["trend_\($0.rawValue)"] }
            row["trend_class"] = segment.trend?.rawValue
            return row
        }
        context["competitors"] = dossier.competitors.map { competitor -> Context in
            var row = env.links.link(competitor.name, kind: .competitors, root: root)
            row["strengths"] = competitor.strengths.joined(separator: "; ")
            row["weaknesses"] = competitor.weaknesses.joined(separator: "; ")
            row["position"] = competitor.position.map { strings["position_\($0.rawValue)"] }
            row["share"] = competitor.share.map(format.percent)
            return row
        }
        context["external_factors"] = dossier.externalFactors.map { factor($0, env) }
        context["newest_external_factors"] = dossier.externalFactors.suffix(3).reversed().map { factor($0, env) }
        context["stakeholders"] = dossier.stakeholders.map { stakeholder(of: $0, env) }
        context["motives"] = dossier.motives
        context["engagement"] = dossier.engagement.map { strings["engagement_\($0.rawValue)"] }
        context["commitments"] = dossier.commitments.map { commitment(of: $0, env) }
        context["open_commitments"] = (figures.overdue + figures.open + figures.deliveredLate).map { commitment(of: $0, env) }
        context["commitment_record"] = strings.format("commitment_record", [
            "kept": String(figures.onTime.count), "late": String(figures.deliveredLate.count),
            "overdue": String(figures.overdue.count), "open": String(figures.open.count),
        ])
        if let assessment = dossier.assessment, assessment.attractiveness != nil || assessment.strength != nil {
            var value: Context = [:]
            value["attractiveness"] = assessment.attractiveness.map { strings.format("attractiveness_of", ["value": String($0)]) }
            value["strength"] = assessment.strength.map { strings.format("strength_of", ["value": String($0)]) }
            context["assessment"] = value
        }
        context["next_meeting"] = meeting(of: dossier, figures: figures, env)
        context["missing_research"] = figures.missingResearch.map { strings[$0.stringsKey] }
        context["findings"] = account.findings.map { finding($0, env) }
        context["meeting_findings"] = account.findings.filter(\.mattersInMeetings).map { finding($0, env) }
        context["going_well"] = goingWell(of: account, env)
        context.merge(accountCharts(account, env)) { _, new in new }
        context.merge(accountPlan(account, env)) { _, new in new }
        context.merge(history(of: account, env)) { _, new in new }
        // Empty unless the build's audience sees private parts: the pipeline drops them otherwise.
        context["private_notes"] = dossier.privateNotes.map { note -> Context in
            var row: Context = ["depth": min(note.depth, 5)]
            row["key"] = note.key
            row["value"] = note.value
            return row
        }
        context["body_html"] = account.body.html
        context["talking_points_html"] = account.body.talkingPointsHTML
        context["days_in_stage_brief"] = dossier.stageSince.map { strings.format("brief_in_stage_for", ["span": format.duration(from: $0, to: env.asOf)]) }
        context.merge(brief(of: account, context: context, env)) { _, new in new }
        return context
    }

    private static func financials(of dossier: Dossier, figures: AccountFigures, currency: String, _ env: RenderEnvironment) -> Context? {
        guard let financials = dossier.financials else { return nil }
        let format = env.format
        var value: Context = ["currency": currency, "figures_in": env.strings.format("figures_in", ["currency": currency])]
        let years = financials.years.reversed().map { year -> Context in
            var row: Context = ["year": year.year]
            row["revenue"] = year.revenue.map(format.compact)
            row["growth"] = figures.revenueGrowth[year.year].map(format.signedPercent)
            row["operating_margin"] = year.operatingMargin.map(format.percent)
            row["net_income"] = year.netIncome.map(format.compact)
            row["employees"] = year.employees.map(format.integer)
            return row
        }
        value["years"] = years
        value["latest_year"] = years.first
        value["rating"] = financials.rating
        if let wallet = financials.wallet {
            var row: Context = [:]
            row["total"] = wallet.total.map { format.money($0, currency: currency) }
            row["ours"] = wallet.ours.map { format.money($0, currency: currency) }
            row["share"] = figures.shareOfWallet.map(format.percent)
            value["wallet"] = row
        }
        return value
    }

    static func factor(_ factor: ExternalFactor, _ env: RenderEnvironment) -> Context {
        var row: Context = ["summary": factor.summary]
        row["kind"] = factor.kind.map { env.strings["factor_\($0.rawValue)"] }
        row["impact"] = factor.impact.map { env.strings["impact_\($0.rawValue)"] }
        row["impact_class"] = factor.impact?.rawValue
        return row
    }

    static func stakeholder(of person: Stakeholder, _ env: RenderEnvironment) -> Context {
        var row: Context = ["name": person.name, "is_opposed": person.stance == .opposed]
        row["title"] = person.title
        row["role"] = person.role.map { env.strings["role_\($0.rawValue)"] }
        row["stance"] = person.stance.map { env.strings["stance_\($0.rawValue)"] }
        row["stance_class"] = person.stance?.rawValue
        row["last_contact"] = person.lastContact.map(env.format.day)
        return row
    }

    static func commitment(of commitment: Commitment, _ env: RenderEnvironment) -> Context {
        let format = env.format
        let strings = env.strings
        var row: Context = ["promise": commitment.promise]
        row["owner"] = commitment.owner
        row["due"] = commitment.due.map(format.day)
        row["done"] = commitment.done.map(format.day)
        row["remedy"] = commitment.remedy
        // Measured against `original_due` when the date was moved (Commitment.status is the one home of the rule).
        let (status, label): (String, String) = switch (commitment.status(asOf: env.asOf), commitment.done, commitment.measuredDue) {
        case (.late, let done?, let due?):
            ("late", strings.format("status_late", ["span": format.duration(from: due, to: done)]))
        case (.late, _, _), (.kept, _, _):
            ("kept", strings["status_kept"])
        case (.overdue, _, let due?):
            ("overdue", strings.format("status_overdue", ["span": format.duration(from: due, to: env.asOf)]))
        case (.overdue, _, nil), (.open, _, nil):
            ("open", strings["status_open"])
        case (.open, _, let due?):
            ("open", due == env.asOf ? strings["status_due_today"] : strings.format("status_due", ["span": format.duration(from: env.asOf, to: due)]))
        }
        row["status"] = status
        row["status_label"] = label
        return row
    }

    static func milestone(of milestone: Milestone, _ env: RenderEnvironment) -> Context {
        var row: Context = ["milestone": milestone.milestone]
        row["due"] = milestone.due.map(env.format.day)
        row["done"] = milestone.done.map(env.format.day)
        row["item_owner"] = milestone.owner
        let status = milestone.done != nil ? "done" : (milestone.due.map { $0 < env.asOf } ?? false) ? "overdue" : "open"
        row["status"] = status
        row["status_label"] = env.strings["milestone_\(status)"]
        return row
    }

    private static func meeting(of dossier: Dossier, figures: AccountFigures, _ env: RenderEnvironment) -> Context? {
        guard let meeting = dossier.nextMeeting else { return nil }
        var value: Context = ["with": meeting.with]
        value["date"] = meeting.date.map(env.format.day)
        value["objective"] = meeting.objective
        value["ask"] = meeting.ask
        value["fallback"] = meeting.fallback
        value["their_interests"] = meeting.theirInterests
        value["options"] = meeting.options
        value["has_negotiation"] = meeting.ask != nil || meeting.fallback != nil || !meeting.theirInterests.isEmpty || !meeting.options.isEmpty
        if let days = figures.daysUntilMeeting {
            value["when"] = meeting.date.map { env.format.relative($0, from: env.asOf) }
            value["is_past"] = days < 0
        }
        let people = Dictionary(dossier.stakeholders.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        value["attendees"] = meeting.with.map { name -> Context in
            guard let person = people[name] else { return ["name": name, "is_opposed": false] }
            var row = stakeholder(of: person, env)
            row["wins"] = person.wins.isEmpty ? nil : person.wins.prefix(briefWinsPerPerson).joined(separator: env.strings["list_separator"])
            row["our_contact"] = person.ourContact
            return row
        }
        // The brief's people table gains "their win" and "our person" only when someone in the room has either.
        value["shows_plan_people"] = meeting.with.contains { name in
            people[name].map { !$0.wins.isEmpty || $0.ourContact != nil } ?? false
        }
        return value
    }
}
