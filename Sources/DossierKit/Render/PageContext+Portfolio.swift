/// The portfolio page's and the stage pages' values.
extension PageContext {
    /// `index.html`: accounts by stage, owners, and what needs attention.
    static func portfolio(_ accounts: [Account], site: SiteConfig, asOf: Day) -> Context {
        let root = ""
        var context = common(site: site, asOf: asOf, root: root, title: site.title)
        context["account_count"] = accounts.count
        context["stages"] = Stage.allCases.map { stage -> Context in
            let members = accounts.filter { $0.dossier.stage == stage }
            var value = self.stage(stage)
            value["count"] = members.count
            value["accounts"] = members.map { summary(of: $0, root: root, currency: site.currency) }
            return value
        }
        var overdue: [Context] = []
        for account in accounts {
            for commitment in account.figures.overdue {
                var row = link(to: account, root: root)
                row["promise"] = commitment.promise
                row["owner"] = commitment.owner ?? account.dossier.owner
                row["due"] = commitment.due.map(Format.day)
                row["days"] = commitment.due.map { Format.duration(days: $0.days(until: asOf)) }
                overdue.append(row)
            }
        }
        context["overdue_commitments"] = overdue
        context["high_findings"] = accounts.flatMap { account in
            account.findings.filter { $0.severity == .high }.map { found -> Context in
                var row = link(to: account, root: root)
                row.merge(finding(found)) { _, new in new }
                return row
            }
        }
        context["stale_accounts"] = accounts.filter(\.figures.isStale).map { account -> Context in
            var row = link(to: account, root: root)
            row["reviewed"] = account.dossier.reviewed.map(Format.day) ?? "never"
            return row
        }
        let upcoming = accounts
            .compactMap { account in account.dossier.nextMeeting?.date.map { (account, $0) } }
            .filter { $0.1 >= asOf }
            .sorted { ($0.1, $0.0.dossier.slug) < ($1.1, $1.0.dossier.slug) }
        context["upcoming_meetings"] = upcoming.map { account, date -> Context in
            var row = link(to: account, root: root)
            row["date"] = Format.day(date)
            row["when"] = asOf.days(until: date) == 0 ? "today" : "in \(Format.duration(days: asOf.days(until: date)))"
            row["objective"] = account.dossier.nextMeeting?.objective
            return row
        }
        let owners = Dictionary(grouping: accounts, by: \.dossier.owner)
        context["owners"] = owners.keys.sorted().map { owner -> Context in
            let members = owners[owner] ?? []
            return ["name": owner, "count": members.count, "accounts": members.map { link(to: $0, root: root) }]
        }
        return context
    }

    /// `stages/index.html`: every stage with its accounts and the manager's role in it.
    static func stageOverview(_ accounts: [Account], site: SiteConfig, asOf: Day) -> Context {
        var context = common(site: site, asOf: asOf, root: "../", title: "Stages")
        context["stages"] = Stage.allCases.map { stage -> Context in
            var value = self.stage(stage)
            let members = accounts.filter { $0.dossier.stage == stage }
            value["count"] = members.count
            value["summary"] = StageGuidance.guidance(for: stage).summary
            value["accounts"] = members.map { link(to: $0, root: "../") }
            return value
        }
        return context
    }

    /// `stages/<stage>/index.html`: the stage's accounts and the guidance for it.
    static func stagePage(_ stage: Stage, accounts: [Account], site: SiteConfig, asOf: Day) -> Context {
        let root = "../../"
        var context = common(site: site, asOf: asOf, root: root, title: stage.title)
        let guidance = StageGuidance.guidance(for: stage)
        context["stage"] = self.stage(stage)
        context["summary"] = guidance.summary
        context["manager_role"] = guidance.managerRole
        context["moves_on_when"] = guidance.movesOnWhen
        context["watch_outs"] = guidance.watchOuts
        if stage < .synergistic {
            context["next_stage"] = Stage.allCases.dropFirst(stage.order + 1).first.map(self.stage)
        }
        context["accounts"] = accounts.filter { $0.dossier.stage == stage }.map { summary(of: $0, root: root, currency: site.currency) }
        return context
    }

    private static func link(to account: Account, root: String) -> Context {
        [
            "name": account.dossier.name,
            "url": "\(root)accounts/\(account.dossier.slug)/index.html",
            "brief_url": "\(root)accounts/\(account.dossier.slug)/brief.html",
            "owner": account.dossier.owner,
            "stage": stage(account.dossier.stage),
        ]
    }
}
