/// The portfolio page's and the stage pages' values.
extension PageContext {
    /// `index.html`: accounts by stage, owners, what needs attention, and the account plans summed (`plan`).
    static func portfolio(_ accounts: [Account], plan: PortfolioPlan, _ env: RenderEnvironment) -> Context {
        let root = ""
        let format = env.format
        var context = common(env, root: root, title: env.config.title)
        context["lead"] = env.strings.plural("portfolio_lead", count: accounts.count, ["date": format.day(env.asOf)])
        context["table_url"] = root + SiteLinks.portfolioTablePath
        context.merge(portfolioCharts(accounts, env)) { _, new in new }
        context.merge(portfolioPlan(plan, root: root, env)) { _, new in new }
        context.merge(portfolioGoingWell(accounts, root: root, env)) { _, new in new }
        context["stages"] = Stage.allCases.map { stage -> Context in
            let members = accounts.filter { $0.dossier.stage == stage }
            var value = self.stage(stage, env)
            value["count"] = members.count
            value["accounts"] = members.map { summary(of: $0, root: root, env) }
            return value
        }
        context["high_findings"] = accounts.flatMap { account in
            account.findings.filter { $0.severity == .high }.map { found -> Context in
                var row = link(to: account, root: root, env)
                row.merge(finding(found, env)) { _, new in new }
                return row
            }
        }
        context["overdue_commitments"] = accounts.flatMap { account in
            account.figures.overdue.map { commitment -> Context in
                var row = link(to: account, root: root, env)
                row["promise"] = commitment.promise
                row["owner"] = commitment.owner ?? account.dossier.owner
                if let due = commitment.due {
                    row["overdue"] = env.strings.format("overdue_since", ["date": format.day(due), "span": format.duration(from: due, to: env.asOf)])
                }
                return row
            }
        }
        context["stale_accounts"] = accounts.filter(\.figures.isStale).map { account -> Context in
            var row = link(to: account, root: root, env)
            row["reviewed"] = account.dossier.reviewed.map { env.strings.format("reviewed_on", ["date": format.day($0)]) } ?? env.strings["reviewed_never"]
            return row
        }
        context["upcoming_meetings"] = meetingRows(accounts, root: root, env).filter { ($0["is_past"] as? Bool) == false }
        let owners = Dictionary(grouping: accounts, by: \.dossier.owner)
        context["owners"] = owners.keys.sorted().map { owner -> Context in
            let members = owners[owner] ?? []
            return ["name": owner, "url": root + env.links.path(of: owner, kind: .owners), "count": members.count,
                    "accounts": members.map { link(to: $0, root: root, env) }]
        }
        return context
    }

    /// `stages/index.html`: every stage with its accounts and what it is.
    static func stageOverview(_ accounts: [Account], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["stages_title"])
        context["stages"] = Stage.allCases.map { stage -> Context in
            var value = self.stage(stage, env)
            let members = accounts.filter { $0.dossier.stage == stage }
            value["count"] = members.count
            value["summary"] = env.strings["guidance_\(stage.rawValue)_summary"]
            value["accounts"] = members.map { link(to: $0, root: "../", env) }
            return value
        }
        return context
    }

    /// `stages/<stage>/index.html`: the stage's accounts and the guidance for it.
    static func stagePage(_ stage: Stage, accounts: [Account], _ env: RenderEnvironment) -> Context {
        let root = "../../"
        let strings = env.strings
        var context = common(env, root: root, title: strings.name(of: stage))
        let key = "guidance_\(stage.rawValue)"
        context["stage"] = self.stage(stage, env)
        context["summary"] = strings["\(key)_summary"]
        context["manager_role"] = strings.list("\(key)_role")
        context["moves_on_when"] = strings.list("\(key)_moves_on")
        context["watch_outs"] = strings.list("\(key)_watch_outs")
        if stage < .synergistic, let next = Stage.allCases.dropFirst(stage.order + 1).first {
            context["moves_heading"] = strings.format("moves_to", ["stage": strings.name(of: next)])
        } else {
            context["moves_heading"] = strings["aim_for"]
        }
        context["accounts"] = accounts.filter { $0.dossier.stage == stage }.map { summary(of: $0, root: root, env) }
        return context
    }
}
