/// The account report's and the brief's values.
extension PageContext {
    static func account(_ account: Account, links: SiteLinks, site: SiteConfig, asOf: Day) -> Context {
        let dossier = account.dossier
        let figures = account.figures
        let root = "../../"
        let currency = dossier.financials?.currency ?? site.currency
        var context = common(site: site, asOf: asOf, root: root, title: dossier.name)
        context.merge(summary(of: account, root: root, currency: site.currency)) { _, new in new }
        context["team"] = dossier.team.isEmpty ? nil : dossier.team.joined(separator: ", ")
        context["stage_since"] = dossier.stageSince.map(Format.day)
        context["reviewed"] = dossier.reviewed.map(Format.day)
        context["days_since_review"] = figures.daysSinceReview
        context["is_stale"] = figures.isStale
        context["tags"] = dossier.tags.map { links.link($0, kind: .tags, root: root) }
        context["owner_url"] = root + links.path(of: dossier.owner, kind: .owners)
        context["plan"] = dossier.plan.map { milestone(of: $0, asOf: asOf) }
        context["financials"] = financials(of: dossier, figures: figures, currency: currency)
        if let strategy = dossier.strategy, strategy.summary != nil || !strategy.priorities.isEmpty {
            var value: Context = ["priorities": strategy.priorities]
            value["summary"] = strategy.summary
            context["strategy"] = value
        }
        context["segments"] = dossier.segments.map { segment -> Context in
            var row = links.link(segment.name, kind: .segments, root: root)
            row["share"] = segment.share.map(Format.percent)
            row["trend"] = segment.trend?.rawValue
            return row
        }
        context["competitors"] = dossier.competitors.map { competitor -> Context in
            var row = links.link(competitor.name, kind: .competitors, root: root)
            row["strengths"] = competitor.strengths
            row["weaknesses"] = competitor.weaknesses
            row["position"] = competitor.position?.rawValue
            row["share"] = competitor.share.map(Format.percent)
            return row
        }
        context["external_factors"] = dossier.externalFactors.map(factor)
        context["newest_external_factors"] = dossier.externalFactors.suffix(3).reversed().map(factor)
        context["stakeholders"] = dossier.stakeholders.map { stakeholder(of: $0, asOf: asOf) }
        context["motives"] = dossier.motives
        context["engagement"] = dossier.engagement?.rawValue
        context["commitments"] = dossier.commitments.map { commitment(of: $0, asOf: asOf) }
        context["open_commitments"] = (figures.overdue + figures.open + figures.deliveredLate)
            .map { commitment(of: $0, asOf: asOf) }
        context["commitment_record"] = "\(figures.onTime.count) on time, \(figures.deliveredLate.count) late, \(figures.overdue.count) overdue, \(figures.open.count) open"
        if let assessment = dossier.assessment, assessment.attractiveness != nil || assessment.strength != nil {
            var value: Context = [:]
            value["attractiveness"] = assessment.attractiveness
            value["strength"] = assessment.strength
            context["assessment"] = value
        }
        context["next_meeting"] = meeting(of: dossier, figures: figures)
        context["missing_research"] = figures.missingResearch.map(\.rawValue)
        context["findings"] = account.findings.map(finding)
        context["meeting_findings"] = account.findings.filter(\.mattersInMeetings).map(finding)
        context["body_html"] = account.body.html
        context["talking_points_html"] = account.body.talkingPointsHTML
        return context
    }

    private static func financials(of dossier: Dossier, figures: AccountFigures, currency: String) -> Context? {
        guard let financials = dossier.financials else { return nil }
        var value: Context = ["currency": currency]
        value["years"] = financials.years.reversed().map { year -> Context in
            var row: Context = ["year": year.year]
            row["revenue"] = year.revenue.map(Format.compact)
            row["growth"] = figures.revenueGrowth[year.year].map(Format.signedPercent)
            row["operating_margin"] = year.operatingMargin.map(Format.percent)
            row["net_income"] = year.netIncome.map(Format.compact)
            row["employees"] = year.employees.map(Format.integer)
            return row
        }
        value["latest_year"] = (value["years"] as? [Context])?.first
        value["rating"] = financials.rating
        if let wallet = financials.wallet {
            var row: Context = [:]
            row["total"] = wallet.total.map { Format.money($0, currency: currency) }
            row["ours"] = wallet.ours.map { Format.money($0, currency: currency) }
            row["share"] = figures.shareOfWallet.map(Format.percent)
            value["wallet"] = row
        }
        return value
    }

    private static func factor(_ factor: ExternalFactor) -> Context {
        var row: Context = ["summary": factor.summary]
        row["kind"] = factor.kind?.rawValue
        row["impact"] = factor.impact?.rawValue
        return row
    }

    private static func stakeholder(of person: Stakeholder, asOf: Day) -> Context {
        var row: Context = ["name": person.name, "is_opposed": person.stance == .opposed]
        row["title"] = person.title
        row["role"] = person.role?.rawValue
        row["stance"] = person.stance?.rawValue
        row["last_contact"] = person.lastContact.map(Format.day)
        return row
    }

    private static func commitment(of commitment: Commitment, asOf: Day) -> Context {
        var row: Context = ["promise": commitment.promise]
        row["owner"] = commitment.owner
        row["due"] = commitment.due.map(Format.day)
        row["done"] = commitment.done.map(Format.day)
        row["remedy"] = commitment.remedy
        switch (commitment.done, commitment.due) {
        case (let done?, let due?) where done > due:
            row["status"] = "late"
            row["status_label"] = "late by \(Format.duration(days: due.days(until: done)))"
        case (.some, _):
            row["status"] = "kept"
            row["status_label"] = "kept"
        case (nil, let due?) where due < asOf:
            row["status"] = "overdue"
            row["status_label"] = "overdue by \(Format.duration(days: due.days(until: asOf)))"
        case (nil, let due?):
            row["status"] = "open"
            row["status_label"] = "due in \(Format.duration(days: asOf.days(until: due)))"
        case (nil, nil):
            row["status"] = "open"
            row["status_label"] = "open, no due date"
        }
        return row
    }

    private static func milestone(of milestone: Milestone, asOf: Day) -> Context {
        var row: Context = ["milestone": milestone.milestone]
        row["due"] = milestone.due.map(Format.day)
        row["done"] = milestone.done.map(Format.day)
        if milestone.done != nil {
            row["status"] = "done"
        } else if let due = milestone.due, due < asOf {
            row["status"] = "overdue"
        } else {
            row["status"] = "open"
        }
        return row
    }

    private static func meeting(of dossier: Dossier, figures: AccountFigures) -> Context? {
        guard let meeting = dossier.nextMeeting else { return nil }
        var value: Context = ["with": meeting.with]
        value["date"] = meeting.date.map(Format.day)
        value["objective"] = meeting.objective
        if let days = figures.daysUntilMeeting {
            value["when"] = days == 0 ? "today" : days > 0 ? "in \(Format.duration(days: days))" : "\(Format.duration(days: days)) ago, not updated"
            value["is_past"] = days < 0
        }
        let people = Dictionary(dossier.stakeholders.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        value["attendees"] = meeting.with.map { name -> Context in
            guard let person = people[name] else { return ["name": name, "is_opposed": false] }
            return stakeholder(of: person, asOf: figures.asOf)
        }
        return value
    }
}
