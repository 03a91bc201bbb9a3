/// The cross-reference pages' values: owners, segments, competitors, tags, meetings and search.
extension PageContext {
    /// `<kind>/index.html`: every name of a kind with its number of accounts.
    static func directory(_ kind: SiteLinks.Kind, groups: [NameGroup<[String]>], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["nav_\(kind.rawValue)"])
        context["intro"] = env.strings["\(kind.rawValue)_intro"]
        context["items"] = groups.map { group -> Context in
            var item: Context = ["name": group.name, "url": "\(group.slug)/index.html", "count": group.members.count,
                                 "accounts": group.members.prefix(namesPerEntry).map { ["name": $0.account.dossier.name] }]
            item["more"] = more(group.members.count, shown: namesPerEntry, env)
            return item
        }
        return context
    }

    /// `<kind>/<slug>/index.html` and its pages, for segments, competitors and tags: the accounts on this page
    /// with what they say.
    static func group(_ kind: SiteLinks.Kind, _ group: NameGroup<[String]>, columns: [String], page: ListPage, _ env: RenderEnvironment) -> Context {
        let root = page.root
        let strings = env.strings
        var context = common(env, root: root, title: group.name)
        context["kind_title"] = strings["nav_\(kind.rawValue)"]
        context["kind_url"] = root + "\(kind.rawValue)/index.html"
        context["name"] = group.name
        context["columns"] = columns.map { strings[$0] }
        let lead = switch kind {
        case .segments: "served_by"
        case .competitors: "present_at"
        case .tags, .owners: "tagged_on"
        }
        context["lead"] = strings.plural(lead, count: group.members.count)
        context["rows"] = group.members[page.rows].map { member -> Context in
            var row = summary(of: member.account, root: root, env)
            row["cells"] = member.item
            return row
        }
        paginate(&context, page, env)
        return context
    }

    /// The column labels (strings keys) of a kind's pages, and what each account says about each name.
    static func groupItems(_ kind: SiteLinks.Kind, _ env: RenderEnvironment) -> (columns: [String], items: (Account) -> [(name: String, item: [String])]) {
        let strings = env.strings
        let format = env.format
        switch kind {
        case .segments:
            return (["col_share_of_their_business", "col_trend"], { account in
                account.dossier.segments.map { ($0.name, [$0.share.map(format.percent) ?? "", $0.trend.map { strings["trend_\($0.rawValue)"] } ?? ""]) }
            })
        case .competitors:
            return (["col_position", "col_share", "col_strengths", "col_weaknesses"], { account in
                account.dossier.competitors.map { competitor in
                    (competitor.name, [competitor.position.map { strings["position_\($0.rawValue)"] } ?? "", competitor.share.map(format.percent) ?? "",
                                       competitor.strengths.joined(separator: "; "), competitor.weaknesses.joined(separator: "; ")])
                }
            })
        case .tags:
            return ([], { account in account.dossier.tags.map { ($0, [String]()) } })
        case .owners:
            return ([], { account in
                [(account.dossier.owner, ["owner"])] + account.dossier.team.map { ($0, ["team"]) }
            })
        }
    }

    /// `owners/<slug>/index.html` and its pages: the manager's week, agenda and findings (on the first page,
    /// each cut to `summaryRows`), and the accounts on this page (the group's members in name order, those
    /// they own in the table, those on whose team they are below).
    static func owner(_ group: NameGroup<[String]>, page: ListPage, _ env: RenderEnvironment) -> Context {
        let root = page.root
        var context = common(env, root: root, title: group.name)
        context["name"] = group.name
        context["kind_url"] = root + "\(SiteLinks.Kind.owners.rawValue)/index.html"
        context["is_first_page"] = page.isFirst
        let shown = group.members[page.rows]
        context["accounts"] = shown.filter { $0.item == ["owner"] }.map { summary(of: $0.account, root: root, env) }
        context["team_accounts"] = shown.filter { $0.item != ["owner"] }.map { summary(of: $0.account, root: root, env) }
        context["has_accounts"] = group.members.contains { $0.item == ["owner"] }
        context["has_team_accounts"] = group.members.contains { $0.item != ["owner"] }
        paginate(&context, page, env)
        guard page.isFirst else { return context }
        let calendar = env.links.calendarPath(ofOwner: group.name)
        context["calendar_url"] = root + calendar
        context["calendar_address"] = SiteLinks.address(of: calendar, baseURL: env.config.baseURL)
        let owned = group.members.filter { $0.item == ["owner"] }.map(\.account)
        let team = group.members.filter { $0.item != ["owner"] }.map(\.account)
        let rows = meetingRows(owned + team, root: root, env)
        let week = rows.filter { ($0["is_this_week"] as? Bool) == true || ($0["is_past"] as? Bool) == true }
        let later = rows.filter { ($0["is_later"] as? Bool) == true }
        context["meetings"] = Array(week.prefix(summaryRows))
        context["meetings_more"] = more(week.count, shown: summaryRows, env)
        context["later_meetings"] = Array(later.prefix(summaryRows))
        context["later_more"] = more(later.count, shown: summaryRows, env)
        let agenda = agendaRows(of: group.name, at: owned + team, root: root, env)
        let overdue = agenda.filter { ($0["is_overdue"] as? Bool) == true }
        let due = agenda.filter { ($0["is_overdue"] as? Bool) == false }
        context["agenda_overdue"] = Array(overdue.prefix(summaryRows))
        context["agenda_overdue_more"] = more(overdue.count, shown: summaryRows, env)
        context["agenda_due"] = Array(due.prefix(summaryRows))
        context["agenda_due_more"] = more(due.count, shown: summaryRows, env)
        context["agenda_heading"] = env.strings.format("agenda_heading", ["days": String(AgendaItem.horizonDays)])
        context["agenda_none"] = env.strings.format("agenda_none", ["days": String(AgendaItem.horizonDays)])
        let findings = owned.flatMap { account in account.findings.filter { $0.severity != .low }.map { (account, $0) } }
        context["findings"] = findings.prefix(summaryRows).map { account, found -> Context in
            var row = finding(found, env)
            row["account"] = account.dossier.name
            row["url"] = root + SiteLinks.reportPath(ofAccount: account.dossier.slug)
            return row
        }
        context["findings_more"] = more(findings.count, shown: summaryRows, env)
        return context
    }

    /// The plan items and promises `person` must see to at `accounts` (see `Dossier.agenda(of:asOf:days:)`):
    /// overdue first, then by due day, then by account.
    static func agendaRows(of person: String, at accounts: [Account], root: String, _ env: RenderEnvironment) -> [Context] {
        accounts
            .flatMap { account in account.dossier.agenda(of: person, asOf: env.asOf).map { (account, $0) } }
            .enumerated()
            .sorted { lhs, rhs in
                let (left, right) = (lhs.element.1, rhs.element.1)
                if left.isOverdue != right.isOverdue { return left.isOverdue }
                return left.due != right.due ? left.due < right.due : lhs.offset < rhs.offset
            }
            .map { _, entry -> Context in
                let (account, item) = entry
                var row = link(to: account, root: root, env)
                row["text"] = item.text
                row["kind"] = env.strings["agenda_kind_\(item.kind.rawValue)"]
                row["date"] = env.format.day(item.due)
                row["when"] = env.format.relative(item.due, from: env.asOf)
                row["is_overdue"] = item.isOverdue
                return row
            }
    }

    /// `meetings/index.html` and its pages: the meetings on this page (`accounts` are theirs, in the order of
    /// `meetingOrder`: by date, then account slug), past-due ones flagged.
    static func meetings(_ accounts: ArraySlice<Account>, page: ListPage, _ env: RenderEnvironment) -> Context {
        let root = page.root
        var context = common(env, root: root, title: env.strings["nav_meetings"])
        context["lead"] = env.strings.format("meetings_lead", ["date": env.format.day(env.asOf)])
        context["meetings"] = meetingRows(Array(accounts), root: root, env)
        context["calendar_url"] = root + SiteLinks.meetingsCalendarPath
        context["calendar_address"] = SiteLinks.address(of: SiteLinks.meetingsCalendarPath, baseURL: env.config.baseURL)
        paginate(&context, page, env)
        return context
    }

    /// The accounts with a next meeting date, in the meetings list's order: by date, then slug.
    static func meetingOrder(_ accounts: [Account]) -> [Account] {
        accounts
            .compactMap { account in account.dossier.nextMeeting?.date.map { (account, $0) } }
            .sorted { ($0.1, $0.0.dossier.slug) < ($1.1, $1.0.dossier.slug) }
            .map(\.0)
    }

    /// `search/index.html`.
    static func search(_ accounts: [Account], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["search_title"])
        context["prompt"] = env.strings.format("search_prompt", ["count": String(accounts.count)])
        return context
    }

    /// One row per account with a meeting date, sorted by date then account.
    static func meetingRows(_ accounts: [Account], root: String, _ env: RenderEnvironment) -> [Context] {
        meetingOrder(accounts)
            .compactMap { account in account.dossier.nextMeeting?.date.map { (account, $0) } }
            .map { account, date -> Context in
                let days = env.asOf.days(until: date)
                var row = link(to: account, root: root, env)
                row["date"] = env.format.day(date)
                row["with"] = account.dossier.nextMeeting?.with.joined(separator: env.strings["list_separator"]) ?? ""
                row["when"] = env.format.relative(date, from: env.asOf)
                row["is_past"] = days < 0
                row["is_this_week"] = (0...7).contains(days)
                row["is_later"] = days > 7
                row["objective"] = account.dossier.nextMeeting?.objective
                return row
            }
    }
}
