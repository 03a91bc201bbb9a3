/// Compares a dossier's front-matter at two moments, field by field, and says what changed in plain words.
///
/// Both versions are parsed; no text is diffed. List items are matched by their name (stakeholders,
/// competitors, segments), promise, milestone, year or summary; the account plan's in `+Plan`.
enum ChangeDetector {
    static func changes(from old: Dossier, to new: Dossier) -> [Message] {
        var changes: [Message] = []
        if old.stage != new.stage {
            changes.append(Message("change_stage", ["old": .stage(old.stage), "new": .stage(new.stage)]))
        }
        if old.owner != new.owner {
            changes.append(Message("change_owner", ["old": .text(old.owner), "new": .text(new.owner)]))
        }
        if old.target != new.target, let stage = new.target?.stage {
            var arguments: [String: MessageArgument] = ["stage": .stage(stage)]
            if let by = new.target?.by { arguments["date"] = .day(by) }
            changes.append(Message(new.target?.by == nil ? "change_target_stage" : "change_target", arguments))
        }
        if old.engagement != new.engagement, let engagement = new.engagement {
            changes.append(Message("change_engagement", ["new": .word("engagement_\(engagement.rawValue)")]))
        }
        changes += stakeholderChanges(old.stakeholders, new.stakeholders)
        changes += commitmentChanges(old.commitments, new.commitments)
        changes += milestoneChanges(old.plan, new.plan)
        changes += financialChanges(old.financials, new.financials)
        changes += competitorChanges(old.competitors, new.competitors)
        changes += segmentChanges(old.segments, new.segments)
        changes += KeyedDiff.messages(old.externalFactors, new.externalFactors, by: \.summary) { factor, previous in
            previous == nil ? [Message("change_factor_added", ["summary": .text(factor.summary)])] : []
        }
        if old.motives != new.motives, !new.motives.isEmpty {
            changes.append(Message("change_motives", ["motives": .texts(new.motives)]))
        }
        if old.buyingBasis != new.buyingBasis, !new.buyingBasis.isEmpty {
            changes.append(Message("change_buying_basis", ["basis": .words(new.buyingBasis.map { "buying_basis_\($0.rawValue)" })]))
        }
        if old.assessment != new.assessment {
            for (key, before, after) in [("change_attractiveness", old.assessment?.attractiveness, new.assessment?.attractiveness),
                                         ("change_strength", old.assessment?.strength, new.assessment?.strength)] where before != after {
                if let after { changes.append(Message(key, ["old": before.map { .number($0) } ?? .word("chart_none"), "new": .number(after)])) }
            }
        }
        if old.nextMeeting?.date != new.nextMeeting?.date, let date = new.nextMeeting?.date {
            changes.append(Message("change_meeting", ["date": .day(date)]))
        }
        changes += planChanges(from: old, to: new)
        // Never the values: the line says only that something private changed. Both versions are
        // empty for an audience that does not see private parts, so it never says even that.
        if old.privateNotes != new.privateNotes {
            changes.append(Message("change_private"))
        }
        return changes
    }

    private static func stakeholderChanges(_ old: [Stakeholder], _ new: [Stakeholder]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.name) { person, previous in
            guard let previous else {
                let role: MessageArgument = person.role.map { .word("role_\($0.rawValue)") } ?? .word("chart_unknown")
                return [Message("change_stakeholder_added", ["name": .text(person.name), "role": role])]
            }
            var changes: [Message] = []
            if previous.stance != person.stance, let stance = person.stance {
                let was: MessageArgument = previous.stance.map { .word("stance_\($0.rawValue)") } ?? .word("chart_unknown")
                changes.append(Message("change_stance", ["name": .text(person.name), "old": was, "new": .word("stance_\(stance.rawValue)")]))
            }
            if previous.role != person.role, let role = person.role {
                changes.append(Message("change_role", ["name": .text(person.name), "new": .word("role_\(role.rawValue)")]))
            }
            if previous.lastContact != person.lastContact, let contact = person.lastContact {
                changes.append(Message("change_contact", ["name": .text(person.name), "date": .day(contact)]))
            }
            return changes + planChanges(of: person, from: previous)
        } removed: { person in
            [Message("change_stakeholder_removed", ["name": .text(person.name)])]
        }
    }

    private static func commitmentChanges(_ old: [Commitment], _ new: [Commitment]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.promise) { commitment, previous in
            guard commitment.isOurs else { return customerCommitmentChanges(commitment, previous: previous) }
            let promise = MessageArgument.text(commitment.promise)
            var changes: [Message] = []
            guard let previous else {
                var arguments: [String: MessageArgument] = ["promise": promise]
                if let due = commitment.due { arguments["date"] = .day(due) }
                changes.append(Message(commitment.due == nil ? "change_commitment_added_undated" : "change_commitment_added", arguments))
                if let done = commitment.done { changes.append(delivered(commitment, done: done)) }
                return changes
            }
            if previous.done == nil, let done = commitment.done { changes.append(delivered(commitment, done: done)) }
            if previous.due != commitment.due, let due = commitment.due {
                changes.append(Message("change_commitment_due", ["promise": promise, "date": .day(due)]))
            }
            if previous.remedy == nil, commitment.remedy != nil {
                changes.append(Message("change_remedy", ["promise": promise]))
            }
            return changes
        }
    }

    private static func delivered(_ commitment: Commitment, done: Day) -> Message {
        let promise = MessageArgument.text(commitment.promise)
        guard let due = commitment.due else { return Message("change_delivered", ["promise": promise]) }
        let days = done.days(until: due)
        if days == 0 { return Message("change_delivered_on_time", ["promise": promise]) }
        return Message(days > 0 ? "change_delivered_early" : "change_delivered_late", ["promise": promise], count: abs(days))
    }

    private static func milestoneChanges(_ old: [Milestone], _ new: [Milestone]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.milestone) { milestone, previous in
            guard let previous else { return [Message("change_milestone_added", ["milestone": .text(milestone.milestone)])] }
            let done = previous.done == nil && milestone.done != nil ? [Message("change_milestone_done", ["milestone": .text(milestone.milestone)])] : []
            return done + planChanges(of: milestone, from: previous)
        }
    }

    private static func financialChanges(_ old: Financials?, _ new: Financials?) -> [Message] {
        var changes = KeyedDiff.messages(old?.years ?? [], new?.years ?? [], by: \.year) { year, previous in
            guard let revenue = year.revenue else { return [] }
            guard let was = previous?.revenue else { return [Message("change_revenue_added", ["year": .number(year.year)])] }
            return was == revenue ? [] : [Message("change_revenue_changed", ["year": .number(year.year), "old": .amount(was), "new": .amount(revenue)])]
        }
        if let ours = new?.wallet?.ours, ours != old?.wallet?.ours {
            changes.append(Message("change_wallet_ours", ["old": old?.wallet?.ours.map { .amount($0) } ?? .word("chart_none"), "new": .amount(ours)]))
        }
        return changes
    }

    private static func competitorChanges(_ old: [Competitor], _ new: [Competitor]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.name) { competitor, previous in
            let name = MessageArgument.text(competitor.name)
            guard let previous else { return [Message("change_competitor_added", ["name": name])] }
            var changes: [Message] = []
            if previous.share != competitor.share, let share = competitor.share {
                changes.append(Message("change_competitor_share", ["name": name, "old": previous.share.map { .percent($0) } ?? .word("chart_none"), "new": .percent(share)]))
            }
            if previous.position != competitor.position, let position = competitor.position {
                changes.append(Message("change_competitor_position", ["name": name, "new": .word("position_\(position.rawValue)")]))
            }
            return changes
        } removed: { competitor in
            [Message("change_competitor_removed", ["name": .text(competitor.name)])]
        }
    }

    private static func segmentChanges(_ old: [Segment], _ new: [Segment]) -> [Message] {
        KeyedDiff.messages(old, new, by: \.name) { segment, previous in
            guard let previous else { return [Message("change_segment_added", ["name": .text(segment.name)])] }
            var changes: [Message] = []
            if previous.share != segment.share, let share = segment.share {
                changes.append(Message("change_segment_share", ["name": .text(segment.name), "old": previous.share.map { .percent($0) } ?? .word("chart_none"), "new": .percent(share)]))
            }
            if previous.trend != segment.trend, let trend = segment.trend {
                changes.append(Message("change_segment_trend", ["name": .text(segment.name), "new": .word("trend_\(trend.rawValue)")]))
            }
            return changes
        }
    }
}
