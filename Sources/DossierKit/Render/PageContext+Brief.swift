/// The brief's values: what it shows from the account plan, and every list cut to fit two A4 pages
/// (docs/site-guide.md, "The brief always fits").
extension PageContext {
    /// Plan items due by the meeting, at most this many (the earliest first).
    static let briefPlanItems = 4
    /// Value outcomes of a pilot or trial, at most this many (as written).
    static let briefOutcomes = 3
    /// Open opportunities, the largest first.
    static let briefOpportunities = 3
    /// Wins shown per person in the room.
    static let briefWinsPerPerson = 2
    /// How many people in the room, and how many high findings, overdue promises and talking points,
    /// are kept first, before the rest of each in the same order of priority.
    static let briefFirstPeople = 4
    static let briefFirstOfEach = 2
    /// External factors, the newest first.
    static let briefExternalFactors = 3
    /// The people table's columns' shares of its width: name, title, role, stance, last contact,
    /// and with the account plan their win and our person (brief.css sets the same).
    static let briefPeopleColumns = [0.24, 0.26, 0.17, 0.14, 0.19]
    static let briefPlanPeopleColumns = [0.16, 0.16, 0.12, 0.13, 0.13, 0.18, 0.12]

    /// One list of the brief: each item's estimated height, and how many are kept.
    private struct FittedList {
        var heights: [Double]
        var kept = 0
        /// Once an item did not fit, the list is cut there: later items never come back.
        var isCut = false

        init(_ heights: [Double]) { self.heights = heights }

        /// Keeps items, in their rank, up to `end` while they fit in `room`.
        mutating func fill(upTo end: Int? = nil, from room: inout Double) {
            let last = min(end ?? heights.count, heights.count)
            while !isCut && kept < last {
                if heights[kept] <= room {
                    room -= heights[kept]
                    kept += 1
                } else {
                    isCut = true
                }
            }
        }

        var cut: Int { heights.count - kept }
    }

    /// The brief's own values from the account's context (the report's): the lists ranked and cut to
    /// fit two A4 pages. Called last, so every value it reads is there.
    static func brief(of account: Account, context: Context, _ env: RenderEnvironment) -> Context {
        let dossier = account.dossier
        let figures = account.figures
        let strings = env.strings
        let currency = dossier.financials?.currency ?? env.config.currency
        let meeting = context["next_meeting"] as? Context
        func more(_ count: Int) -> String? { count > 0 ? strings.plural("brief_and_more", count: count) : nil }

        // The ranked lists.
        let people = rankedAttendees(of: dossier, meeting: meeting)
        let findings = account.findings.filter(\.mattersInMeetings).enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        let highFindings = findings.filter { $0.severity == .high }.count
        let overdue = figures.overdue.enumerated()
            .sorted { ($0.element.measuredDue?.epochDay ?? 0, $0.offset) < ($1.element.measuredDue?.epochDay ?? 0, $1.offset) }
            .map(\.element)
        let promises = overdue + figures.open + figures.deliveredLate
        let planDue = plannedItemsDue(of: dossier)
        let outcomes = (dossier.engagement == .pilot || dossier.engagement == .trial) ? (dossier.value?.outcomes ?? []) : []
        let opportunities = dossier.openOpportunities
        let changes = (context["meeting_changes"] as? Context)?["items"] as? [String] ?? []
        let privateNotes = context["private_notes"] as? [Context] ?? []
        let factors = Array(dossier.externalFactors.suffix(briefExternalFactors).reversed())
        let talkingPoints = account.body.talkingPointsHTML.map(talkingPointItems) ?? []

        // Their contexts and estimated heights.
        let peopleRows = people.map { meeting.flatMap { ($0["attendees"] as? [Context]) }?[$0] ?? [:] }
        let showsPlanPeople = meeting?["shows_plan_people"] as? Bool ?? false
        let columns = showsPlanPeople ? briefPlanPeopleColumns : briefPeopleColumns
        let peopleKeys = ["name", "title", "role", "stance", "last_contact", "wins", "our_contact"]
        var lists: [String: FittedList] = [
            "people": FittedList(peopleRows.map { row in
                BriefSpace.tableRow(peopleKeys.prefix(columns.count).map { row[$0] as? String ?? "" }, widths: columns)
            }),
            "findings": FittedList(findings.map { BriefSpace.listItem($0.title(in: strings) + ": " + $0.message(in: strings)) }),
            "promises": FittedList(promises.map { promise in
                let row = commitment(of: promise, env)
                // Overdue and late promises are set in bold (brief.css).
                let isBold = ["overdue", "late"].contains(row["status"] as? String ?? "")
                return BriefSpace.listItem(["status_label", "promise", "owner", "due", "remedy"].compactMap { row[$0] as? String }.joined(separator: " · ") + " xxxxxxxxxxxx", bold: isBold)
            }),
            "talking_points": FittedList(talkingPoints.map { item in
                let text = BriefSpace.text(ofHTML: item.html)
                let nestedItems = max(0, item.html.components(separatedBy: "<li").count - 2)
                return BriefSpace.listItem(text) + Double(nestedItems) * BriefSpace.lineHeight(10) + (item.opening.isEmpty ? 1 : 0)
            }),
            "changes": FittedList(changes.map { BriefSpace.listItem($0) }),
            "plan": FittedList(planDue.prefix(briefPlanItems).map { item in
                BriefSpace.listItem([item.milestone, item.owner ?? "", "xxxxxxxxxxxxxxxxxxxxxx"].joined(separator: " "))
            }),
            "outcomes": FittedList(outcomes.prefix(briefOutcomes).map { outcome in
                BriefSpace.tableRow([outcome.metric, "", "", "", outcome.agreedBy ?? ""], widths: [0.2, 0.2, 0.2, 0.2, 0.2])
            }),
            "opportunities": FittedList(opportunities.prefix(briefOpportunities).map { BriefSpace.listItem($0.name + " · xxxxxxxx · xxxxxxxxxxx · xxxxxxxxxxxxxxxx (\($0.owner ?? ""))") }),
            "private_notes": FittedList(privateNotes.map { BriefSpace.listItem(($0["key"] as? String ?? "") + ": " + ($0["value"] as? String ?? "")) }),
            "factors": FittedList(factors.map { BriefSpace.listItem("xxxxxxxxxxxx (xxxxxx): " + $0.summary) }),
        ]

        // What is always shown: the header, the meeting with its objective, ask and fallback, the
        // small sections, and each list's heading and room for its "and N more" line.
        var room = BriefSpace.budget - fixedHeight(of: account, context: context, meeting: meeting, env)
        // (In a fixed order: the same sum, to the last bit, on every run.)
        let order = ["people", "findings", "promises", "talking_points", "changes", "plan", "outcomes", "opportunities", "private_notes", "factors"]
        let headedAlways: Set<String> = ["promises", "talking_points", "factors"]
        for name in order {
            guard let list = lists[name], !list.heights.isEmpty else { continue }
            room -= BriefSpace.moreLine + (headedAlways.contains(name) ? 0 : BriefSpace.sectionHeading)
            if name == "people" { room -= BriefSpace.tableHead(peopleKeys.map { _ in "xxxxxxxxxxxxxxx" }, widths: columns) }
            if name == "outcomes" { room -= BriefSpace.tableHead(["xxxxxxxxxxxxxxx"], widths: [0.2]) }
        }
        // Then the lists in the order of what matters most in the meeting.
        // A list kept whole gives back the room of its "and N more" line.
        func fill(_ name: String, upTo end: Int? = nil) {
            guard var list = lists[name], !list.heights.isEmpty else { return }
            let wasWhole = list.cut == 0
            list.fill(upTo: end, from: &room)
            if list.cut == 0 && !wasWhole { room += BriefSpace.moreLine }
            lists[name] = list
        }
        // First a few of each, so that a room of forty people does not crowd out every finding; then the rest.
        fill("people", upTo: briefFirstPeople)
        fill("findings", upTo: min(highFindings, briefFirstOfEach))
        fill("promises", upTo: min(overdue.count, briefFirstOfEach))
        fill("talking_points", upTo: briefFirstOfEach)
        fill("people")
        fill("findings", upTo: highFindings)
        fill("promises", upTo: overdue.count)
        fill("talking_points")
        for name in ["changes", "findings", "plan", "promises", "outcomes", "opportunities", "private_notes", "factors"] {
            fill(name)
        }
        func kept(_ name: String) -> Int { lists[name]?.kept ?? 0 }
        func cut(_ name: String) -> Int { lists[name]?.cut ?? 0 }

        var brief: Context = [:]
        brief["brief_attendees"] = Array(peopleRows.prefix(kept("people")))
        brief["brief_attendees_more"] = more(cut("people"))
        if let title = (context["meeting_changes"] as? Context)?["title"] {
            var value: Context = ["title": title, "items": Array(changes.prefix(kept("changes")))]
            value["more"] = more(cut("changes"))
            brief["brief_changes"] = value
        }
        brief["brief_findings"] = findings.prefix(kept("findings")).map { finding($0, env) }
        brief["brief_findings_more"] = more(cut("findings"))
        brief["has_brief_findings"] = !findings.isEmpty
        brief["brief_commitments"] = promises.prefix(kept("promises")).map { commitment(of: $0, env) }
        brief["brief_commitments_more"] = more(cut("promises"))
        if !planDue.isEmpty {
            var value: Context = ["items": planDue.prefix(kept("plan")).map { milestone(of: $0, env) }]
            value["more"] = more(planDue.count - kept("plan"))
            brief["brief_plan"] = value
        }
        if !outcomes.isEmpty {
            var value: Context = ["outcomes": outcomes.prefix(kept("outcomes")).map { outcome(of: $0, env) }]
            value["more"] = more(outcomes.count - kept("outcomes"))
            brief["brief_value"] = value
        }
        if !opportunities.isEmpty {
            brief["brief_opportunities"] = [
                "rows": opportunities.prefix(kept("opportunities")).map { opportunity(of: $0, currency: currency, env) },
                "total": strings.format("plan_pipeline_open_total", [
                    "amount": env.format.money(dossier.openPipelineValue, currency: currency),
                    "count": strings.plural("plan_opportunities_count", count: opportunities.count),
                ]),
            ]
        }
        if !talkingPoints.isEmpty {
            brief["brief_talking_points_html"] = html(of: talkingPoints.prefix(kept("talking_points")))
            brief["brief_talking_points_more"] = more(cut("talking_points"))
        }
        brief["brief_private_notes"] = Array(privateNotes.prefix(kept("private_notes")))
        brief["brief_private_notes_more"] = more(cut("private_notes"))
        brief["brief_external_factors"] = factors.prefix(kept("factors")).map { factor($0, env) }
        brief["brief_external_factors_more"] = more(cut("factors"))
        return brief
    }

    /// The people in the room, as indexes into the meeting's `attendees`: decision makers first, then
    /// economic buyers, blockers, champions, influencers, gatekeepers and users, each by influence
    /// (high first), then as written; names that are no stakeholder last.
    private static func rankedAttendees(of dossier: Dossier, meeting: Context?) -> [Int] {
        guard let names = dossier.nextMeeting?.with, meeting != nil else { return [] }
        let people = Dictionary(dossier.stakeholders.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let roles: [Stakeholder.Role] = [.decisionMaker, .economicBuyer, .blocker, .champion, .influencer, .gatekeeper, .user]
        func rank(_ index: Int) -> (Int, Int, Int) {
            guard let person = people[names[index]] else { return (roles.count + 1, 3, index) }
            let role = person.role.flatMap { roles.firstIndex(of: $0) } ?? roles.count
            let influence = switch person.influence { case .high: 0; case .medium: 1; case .low: 2; case nil: 3 }
            return (role, influence, index)
        }
        return names.indices.sorted { rank($0) < rank($1) }
    }

    /// Plan items not done and due on or before the meeting day, overdue ones included, the earliest
    /// first; only for a plan written with owners or objectives (the account plan).
    private static func plannedItemsDue(of dossier: Dossier) -> [Milestone] {
        let isAccountPlan = dossier.plan.contains { $0.owner != nil || $0.objective != nil }
        guard isAccountPlan, let meetingDay = dossier.nextMeeting?.date else { return [] }
        return dossier.plan.enumerated()
            .filter { $0.element.done == nil && ($0.element.due.map { $0 <= meetingDay } ?? false) }
            .sorted { ($0.element.due?.epochDay ?? 0, $0.offset) < ($1.element.due?.epochDay ?? 0, $1.offset) }
            .map(\.element)
    }

    /// The height of what the brief always shows: the header, the next meeting in full, going well,
    /// the promise record, key numbers, and the headings of promises, talking points and external factors.
    private static func fixedHeight(of account: Account, context: Context, meeting: Context?, _ env: RenderEnvironment) -> Double {
        let dossier = account.dossier
        let strings = env.strings
        let box = BriefSpace.width - 7
        var height = BriefSpace.lineHeight(8) + 2                                   // kicker
        height += BriefSpace.height(dossier.name, points: 18, bold: true) + 2          // name
        let meta = [dossier.stage.rawValue, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", dossier.owner,
                    dossier.tier ?? "", dossier.engagement?.rawValue ?? ""].joined(separator: " · ")
        height += BriefSpace.height(meta, points: 9.5) + 2 + 3.7                       // stage, owner; rule
        height += 2 + 0.7 * 2 + 3 + 1 + 1.5 + BriefSpace.lineHeight(11)               // the meeting's box and heading
        if let meeting {
            height += BriefSpace.paragraph("x", points: 12)
            for (key, label) in [("objective", "objective"), ("ask", "plan_ask"), ("fallback", "plan_fallback")] {
                if let text = meeting[key] as? String { height += BriefSpace.paragraph(strings[label] + ": " + text, width: box) }
            }
            for (key, label) in [("their_interests", "plan_their_interests"), ("options", "plan_options")] {
                if let items = meeting[key] as? [String], !items.isEmpty {
                    height += BriefSpace.paragraph(strings[label] + ": " + items.joined(separator: " · "), width: box)
                }
            }
        } else {
            height += BriefSpace.paragraph(strings["no_meeting"], width: box)
        }
        let goingWell = context["going_well"] as? [Context] ?? []
        if !goingWell.isEmpty {
            height += BriefSpace.sectionHeading
            height += goingWell.map { BriefSpace.listItem("xxxxxxxxxxxxxxxx " + ($0["message"] as? String ?? "")) }.reduce(0, +)
        }
        // Promises: the heading, the record, and a line when there are none.
        height += BriefSpace.sectionHeading + BriefSpace.moreLine
        if account.figures.overdue.isEmpty && account.figures.open.isEmpty && account.figures.deliveredLate.isEmpty {
            height += BriefSpace.paragraph("x")
        }
        // Key numbers: up to six, four to a row.
        let numbers = [dossier.financials?.years.isEmpty == false, dossier.financials?.wallet != nil, account.figures.onTimeRate != nil]
        let numberRows = numbers.filter { $0 }.count >= 2 ? 2.0 : 1.0
        height += BriefSpace.sectionHeading + numberRows * (BriefSpace.lineHeight(7.5) + BriefSpace.lineHeight(10) + 1) + 2
        // Talking points and external factors: a heading, and a line saying there are none.
        height += BriefSpace.sectionHeading + (account.body.talkingPointsHTML == nil ? BriefSpace.paragraph("x") : 0)
        height += BriefSpace.sectionHeading + (dossier.externalFactors.isEmpty ? BriefSpace.paragraph("x") : 0)
        return height
    }

    /// One talking point: a top-level block of the section's HTML, or an item of a top-level list
    /// (`opening` and `closing` are its list's tags, empty for a block).
    struct TalkingPoint: Sendable, Equatable {
        var opening: String
        var html: String
        var closing: String
        /// Which top-level block the point belongs to.
        var block: Int
    }

    /// The talking points' HTML cut into points: each item of a top-level list, and each other
    /// top-level block. HTML whose tags do not nest (raw HTML in a site that allows it) is one point.
    static func talkingPointItems(_ html: String) -> [TalkingPoint] {
        let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"]
        var points: [TalkingPoint] = []
        var depth = 0
        var blockStart = html.startIndex
        var itemStart: String.Index?
        var listOpening: String?
        var block = 0
        var index = html.startIndex
        let whole = [TalkingPoint(opening: "", html: html, closing: "", block: 0)]
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else { return whole }
            let tag = html[html.index(after: open)..<close]
            let end = html.index(after: close)
            index = end
            if tag.hasPrefix("!") || tag.hasPrefix("?") || tag.hasSuffix("/") { continue }
            let isClosing = tag.hasPrefix("/")
            let name = String((isClosing ? tag.dropFirst() : tag).prefix { $0.isLetter || $0.isNumber }).lowercased()
            if voidElements.contains(name) { continue }
            if isClosing {
                depth -= 1
                guard depth >= 0 else { return whole }
                if depth == 1, name == "li", let start = itemStart, let opening = listOpening {
                    points.append(TalkingPoint(opening: opening, html: String(html[start..<end]), closing: "", block: block))
                    itemStart = nil
                }
                if depth == 0 {
                    if listOpening != nil {
                        for point in points.indices where points[point].block == block { points[point].closing = "<\(tag)>" }
                    } else {
                        points.append(TalkingPoint(opening: "", html: String(html[blockStart..<end]), closing: "", block: block))
                    }
                    listOpening = nil
                    block += 1
                }
            } else {
                if depth == 0 {
                    blockStart = open
                    if name == "ul" || name == "ol" { listOpening = String(html[open..<end]) }
                } else if depth == 1, name == "li", listOpening != nil {
                    itemStart = open
                }
                depth += 1
            }
        }
        return depth == 0 && !points.isEmpty ? points : whole
    }

    /// The HTML of the points kept, each list's items inside their list's tags again.
    static func html(of points: ArraySlice<TalkingPoint>) -> String {
        var html = ""
        var block: Int?
        var closing = ""
        for point in points {
            if point.block != block {
                html += closing
                html += point.opening.isEmpty ? "" : point.opening + "\n"
                closing = point.closing.isEmpty ? "" : point.closing + "\n"
                block = point.block
            }
            html += point.html + "\n"
        }
        return html + closing
    }
}
