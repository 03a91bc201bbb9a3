/// The cross-reference pages' values: owners, segments, competitors, tags and meetings.
extension PageContext {
    private static let titles: [SiteLinks.Kind: (plural: String, singular: String, intro: String)] = [
        .owners: ("Owners", "Owner", "Each account manager's accounts, findings and meetings."),
        .segments: ("Segments", "Segment", "The segments our customers serve, and which accounts serve each."),
        .competitors: ("Competitors", "Competitor", "The competitive landscape: where each competitor is present, with its position and share."),
        .tags: ("Tags", "Tag", "Accounts by tag."),
    ]

    /// `<kind>/index.html`: every name of a kind with its number of accounts.
    static func directory(_ kind: SiteLinks.Kind, groups: [NameGroup<[String]>], site: SiteConfig, asOf: Day) -> Context {
        var context = common(site: site, asOf: asOf, root: "../", title: titles[kind]?.plural ?? kind.rawValue)
        context["intro"] = titles[kind]?.intro
        context["items"] = groups.map { group -> Context in
            ["name": group.name, "url": "\(group.slug)/index.html", "count": group.members.count,
             "accounts": group.members.map { ["name": $0.account.dossier.name] }]
        }
        return context
    }

    /// `<kind>/<slug>/index.html` for segments, competitors and tags: the accounts with what they say.
    static func group(_ kind: SiteLinks.Kind, _ group: NameGroup<[String]>, columns: [String], site: SiteConfig, asOf: Day) -> Context {
        let root = "../../"
        let heading = titles[kind]?.singular ?? kind.rawValue
        var context = common(site: site, asOf: asOf, root: root, title: "\(heading): \(group.name)")
        context["kind_title"] = titles[kind]?.plural
        context["kind_url"] = "../index.html"
        context["name"] = group.name
        context["heading"] = heading
        context["columns"] = columns
        let count = group.members.count == 1 ? "1 account" : "\(group.members.count) accounts"
        context["lead"] = switch kind {
        case .segments: "Served by \(count)."
        case .competitors: "Present at \(count)."
        case .tags, .owners: "Tagged on \(count)."
        }
        context["rows"] = group.members.map { member -> Context in
            var row = summary(of: member.account, root: root, currency: site.currency)
            row["cells"] = member.item
            return row
        }
        return context
    }

    /// What a segment, competitor or tag page shows for each account, by kind.
    static func groupItems(_ kind: SiteLinks.Kind) -> (columns: [String], items: (Account) -> [(name: String, item: [String])]) {
        switch kind {
        case .segments:
            return (["Share of their business", "Trend"], { account in
                account.dossier.segments.map { ($0.name, [$0.share.map(Format.percent) ?? "", $0.trend?.rawValue ?? ""]) }
            })
        case .competitors:
            return (["Position", "Share", "Strengths", "Weaknesses"], { account in
                account.dossier.competitors.map { competitor in
                    (competitor.name, [competitor.position?.rawValue ?? "", competitor.share.map(Format.percent) ?? "",
                                       competitor.strengths.joined(separator: "; "), competitor.weaknesses.joined(separator: "; ")])
                }
            })
        case .tags:
            return ([], { account in account.dossier.tags.map { ($0, [String]()) } })
        case .owners:
            return (["Role"], { account in
                [(account.dossier.owner, ["owner"])] + account.dossier.team.map { ($0, ["team"]) }
            })
        }
    }

    /// `owners/<slug>/index.html`: the manager's week, accounts and findings.
    static func owner(_ group: NameGroup<[String]>, site: SiteConfig, asOf: Day) -> Context {
        let root = "../../"
        var context = common(site: site, asOf: asOf, root: root, title: group.name)
        context["name"] = group.name
        let owned = group.members.filter { $0.item == ["owner"] }.map(\.account)
        let team = group.members.filter { $0.item != ["owner"] }.map(\.account)
        context["accounts"] = owned.map { summary(of: $0, root: root, currency: site.currency) }
        context["team_accounts"] = team.map { summary(of: $0, root: root, currency: site.currency) }
        context["meetings"] = meetingRows(owned + team, root: root, asOf: asOf).filter { ($0["is_this_week"] as? Bool) == true || ($0["is_past"] as? Bool) == true }
        context["later_meetings"] = meetingRows(owned + team, root: root, asOf: asOf).filter { ($0["is_later"] as? Bool) == true }
        context["findings"] = owned.flatMap { account in
            account.findings.filter { $0.severity != .low }.map { found -> Context in
                var row = finding(found)
                row["account"] = account.dossier.name
                row["url"] = "\(root)accounts/\(account.dossier.slug)/index.html"
                return row
            }
        }
        return context
    }

    /// `meetings/index.html`: upcoming meetings in date order, past-due ones flagged.
    static func meetings(_ accounts: [Account], site: SiteConfig, asOf: Day) -> Context {
        var context = common(site: site, asOf: asOf, root: "../", title: "Meetings")
        context["meetings"] = meetingRows(accounts, root: "../", asOf: asOf)
        return context
    }

    /// One row per account with a meeting date, sorted by date then account.
    static func meetingRows(_ accounts: [Account], root: String, asOf: Day) -> [Context] {
        accounts
            .compactMap { account in account.dossier.nextMeeting?.date.map { (account, $0) } }
            .sorted { ($0.1, $0.0.dossier.slug) < ($1.1, $1.0.dossier.slug) }
            .map { account, date -> Context in
                let days = asOf.days(until: date)
                var row: Context = [
                    "name": account.dossier.name,
                    "url": "\(root)accounts/\(account.dossier.slug)/index.html",
                    "brief_url": "\(root)accounts/\(account.dossier.slug)/brief.html",
                    "owner": account.dossier.owner,
                    "date": Format.day(date),
                    "with": account.dossier.nextMeeting?.with.joined(separator: ", ") ?? "",
                    "when": days == 0 ? "today" : days > 0 ? "in \(Format.duration(days: days))" : "\(Format.duration(days: days)) ago",
                    "is_past": days < 0,
                    "is_this_week": (0...7).contains(days),
                    "is_later": days > 7,
                    "stage": stage(account.dossier.stage),
                ]
                row["objective"] = account.dossier.nextMeeting?.objective
                return row
            }
    }
}
