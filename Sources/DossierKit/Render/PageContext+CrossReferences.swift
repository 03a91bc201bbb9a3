/// The cross-reference pages' values: owners, segments, competitors, tags, meetings and search.
extension PageContext {
    /// `<kind>/index.html`: every name of a kind with its number of accounts.
    static func directory(_ kind: SiteLinks.Kind, groups: [NameGroup<[String]>], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["nav_\(kind.rawValue)"])
        context["intro"] = env.strings["\(kind.rawValue)_intro"]
        context["items"] = groups.map { group -> Context in
            ["name": group.name, "url": "\(group.slug)/index.html", "count": group.members.count,
             "accounts": group.members.map { ["name": $0.account.dossier.name] }]
        }
        return context
    }

    /// `<kind>/<slug>/index.html` for segments, competitors and tags: the accounts with what they say.
    static func group(_ kind: SiteLinks.Kind, _ group: NameGroup<[String]>, columns: [String], _ env: RenderEnvironment) -> Context {
        let root = "../../"
        let strings = env.strings
        var context = common(env, root: root, title: group.name)
        context["kind_title"] = strings["nav_\(kind.rawValue)"]
        context["kind_url"] = "../index.html"
        context["name"] = group.name
        context["columns"] = columns.map { strings[$0] }
        let lead = switch kind {
        case .segments: "served_by"
        case .competitors: "present_at"
        case .tags, .owners: "tagged_on"
        }
        context["lead"] = strings.plural(lead, count: group.members.count)
        context["rows"] = group.members.map { member -> Context in
            var row = summary(of: member.account, root: root, env)
            row["cells"] = member.item
            return row
        }
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

    /// `owners/<slug>/index.html`: the manager's week, accounts and findings.
    static func owner(_ group: NameGroup<[String]>, _ env: RenderEnvironment) -> Context {
        let root = "../../"
        var context = common(env, root: root, title: group.name)
        context["name"] = group.name
        let calendar = env.links.calendarPath(ofOwner: group.name)
        context["calendar_url"] = root + calendar
        context["calendar_address"] = SiteLinks.address(of: calendar, baseURL: env.config.baseURL)
        let owned = group.members.filter { $0.item == ["owner"] }.map(\.account)
        let team = group.members.filter { $0.item != ["owner"] }.map(\.account)
        context["accounts"] = owned.map { summary(of: $0, root: root, env) }
        context["team_accounts"] = team.map { summary(of: $0, root: root, env) }
        let rows = meetingRows(owned + team, root: root, env)
        context["meetings"] = rows.filter { ($0["is_this_week"] as? Bool) == true || ($0["is_past"] as? Bool) == true }
        context["later_meetings"] = rows.filter { ($0["is_later"] as? Bool) == true }
        let agenda = agendaRows(of: group.name, at: owned + team, root: root, env)
        context["agenda_overdue"] = agenda.filter { ($0["is_overdue"] as? Bool) == true }
        context["agenda_due"] = agenda.filter { ($0["is_overdue"] as? Bool) == false }
        context["agenda_heading"] = env.strings.format("agenda_heading", ["days": String(AgendaItem.horizonDays)])
        context["agenda_none"] = env.strings.format("agenda_none", ["days": String(AgendaItem.horizonDays)])
        context["findings"] = owned.flatMap { account in
            account.findings.filter { $0.severity != .low }.map { found -> Context in
                var row = finding(found, env)
                row["account"] = account.dossier.name
                row["url"] = "\(root)accounts/\(account.dossier.slug)/index.html"
                return row
            }
        }
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

    /// `meetings/index.html`: upcoming meetings in date order, past-due ones flagged.
    static func meetings(_ accounts: [Account], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["nav_meetings"])
        context["lead"] = env.strings.format("meetings_lead", ["date": env.format.day(env.asOf)])
        context["meetings"] = meetingRows(accounts, root: "../", env)
        context["calendar_url"] = "../" + SiteLinks.meetingsCalendarPath
        context["calendar_address"] = SiteLinks.address(of: SiteLinks.meetingsCalendarPath, baseURL: env.config.baseURL)
        return context
    }

    /// `search/index.html`.
    static func search(_ accounts: [Account], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["search_title"])
        context["prompt"] = env.strings.format("search_prompt", ["count": String(accounts.count)])
        return context
    }

    /// One row per account with a meeting date, sorted by date then account.
    static func meetingRows(_ accounts: [Account], root: String, _ env: RenderEnvironment) -> [Context] {
        accounts
            .compactMap { account in account.dossier.nextMeeting?.date.map { (account, $0) } }
            .sorted { ($0.1, $0.0.dossier.slug) < ($1.1, $1.0.dossier.slug) }
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
