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
        // Up to a page of accounts, each stage lists its accounts and each owner names theirs; above, only
        // the counts and wallet totals, with links to the paginated lists.
        let listsAccounts = accounts.count <= Pagination.rowsPerPage
        context["lists_accounts"] = listsAccounts
        context["accounts_url"] = root + SiteLinks.accountsIndexPath
        context["all_accounts_link"] = env.strings.plural("all_accounts_link", count: accounts.count)
        context["stages"] = Stage.allCases.map { stage -> Context in
            let members = accounts.filter { $0.dossier.stage == stage }
            var value = self.stage(stage, env)
            value["count"] = members.count
            value["url"] = root + SiteLinks.path(ofStage: stage)
            value["wallet"] = walletTotal(of: members, env)
            if listsAccounts { value["accounts"] = members.map { summary(of: $0, root: root, env) } }
            return value
        }
        let urgent = urgentFindings(accounts, env.config).filter { $0.finding.severity == .high }
        context["high_findings"] = urgent.prefix(summaryRows).map { entry -> Context in
            var row = link(to: entry.account, root: root, env)
            row.merge(finding(entry.finding, env)) { _, new in new }
            return row
        }
        context["findings_url"] = root + SiteLinks.findingsIndexPath
        context["findings_more"] = more(urgent.count, shown: summaryRows, env)
        // Longest overdue first, and the research reviewed longest ago (or never) first.
        let overdue = accounts.flatMap { account in account.figures.overdue.enumerated().map { (account, $0.offset, $0.element) } }
            .sorted { ($0.2.due ?? env.asOf, $0.0.dossier.slug, $0.1) < ($1.2.due ?? env.asOf, $1.0.dossier.slug, $1.1) }
            .map { ($0.0, $0.2) }
        context["overdue_commitments"] = overdue.prefix(summaryRows).map { account, commitment -> Context in
            var row = link(to: account, root: root, env)
            row["promise"] = commitment.promise
            row["owner"] = commitment.owner ?? account.dossier.owner
            if let due = commitment.due {
                row["overdue"] = env.strings.format("overdue_since", ["date": format.day(due), "span": format.duration(from: due, to: env.asOf)])
            }
            return row
        }
        context["overdue_more"] = more(overdue.count, shown: summaryRows, env)
        let stale = accounts.filter(\.figures.isStale).enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.dossier.reviewed, rhs.element.dossier.reviewed)
            guard left != right else { return lhs.offset < rhs.offset }
            guard let left else { return true }
            guard let right else { return false }
            return left < right
        }.map(\.element)
        context["stale_accounts"] = stale.prefix(summaryRows).map { account -> Context in
            var row = link(to: account, root: root, env)
            row["reviewed"] = account.dossier.reviewed.map { env.strings.format("reviewed_on", ["date": format.day($0)]) } ?? env.strings["reviewed_never"]
            return row
        }
        context["stale_more"] = more(stale.count, shown: summaryRows, env)
        let upcoming = meetingRows(accounts, root: root, env).filter { ($0["is_past"] as? Bool) == false }
        context["upcoming_meetings"] = Array(upcoming.prefix(summaryRows))
        context["meetings_url"] = root + SiteLinks.meetingsIndexPath
        context["meetings_more"] = more(upcoming.count, shown: summaryRows, env)
        let owners = Dictionary(grouping: accounts, by: \.dossier.owner)
        context["owners"] = owners.keys.sorted().map { owner -> Context in
            let members = owners[owner] ?? []
            var value: Context = ["name": owner, "url": root + env.links.path(of: owner, kind: .owners), "count": members.count,
                                  "wallet": walletTotal(of: members, env)]
            if listsAccounts { value["accounts"] = members.map { link(to: $0, root: root, env) } }
            return value
        }
        return context
    }

    /// The wallet totals of `accounts` added up in the site's currency, written out; totals in a currency
    /// without an exchange rate are left out (the stage pipeline chart says which).
    static func walletTotal(of accounts: [Account], _ env: RenderEnvironment) -> String {
        let total = accounts.reduce(0.0) { sum, account in
            let financials = account.dossier.financials
            return sum + (financials?.wallet?.total.flatMap { env.config.inSiteCurrency($0, from: financials?.currency) } ?? 0)
        }
        return env.format.money(total, currency: env.config.currency)
    }

    /// `stages/index.html`: every stage with its accounts and what it is.
    static func stageOverview(_ accounts: [Account], _ env: RenderEnvironment) -> Context {
        var context = common(env, root: "../", title: env.strings["stages_title"])
        context["stages"] = Stage.allCases.map { stage -> Context in
            var value = self.stage(stage, env)
            let members = accounts.filter { $0.dossier.stage == stage }
            value["count"] = members.count
            value["summary"] = env.strings["guidance_\(stage.rawValue)_summary"]
            value["accounts"] = members.prefix(namesPerEntry).map { link(to: $0, root: "../", env) }
            value["more"] = more(members.count, shown: namesPerEntry, env)
            return value
        }
        return context
    }

    /// `stages/<stage>/index.html` and its pages: the stage's accounts on this page (`accounts`, a slice of
    /// them in slug order) and, on the first page, the guidance for it.
    static func stagePage(_ stage: Stage, accounts: ArraySlice<Account>, page: ListPage, _ env: RenderEnvironment) -> Context {
        let root = page.root
        let strings = env.strings
        var context = common(env, root: root, title: strings.name(of: stage))
        context["stages_url"] = root + "stages/index.html"
        context["is_first_page"] = page.isFirst
        context["count"] = page.pagination.rowCount
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
        context["accounts"] = accounts.map { summary(of: $0, root: root, env) }
        paginate(&context, page, env)
        return context
    }
}
