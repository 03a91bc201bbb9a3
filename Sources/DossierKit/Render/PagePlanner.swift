/// Plans every file of the site from its accounts: the plan-pages stage. Each page comes as a
/// `PageJob` that renders its template only when the write stage makes it.
///
/// Each page comes with a key that hashes what it is made from: the build's settings key (theme,
/// settings, day, options), the page's path, and for each account it shows, the account's key and
/// the slugs of the names it links to. The write stage renders a page only when its key changed.
struct PagePlanner: Sendable {
    /// What an account's pages are made from, as hashes.
    struct AccountKey: Sendable {
        /// The dossier file (path and bytes) and its git history: the report and the brief. (Each search
        /// data file is keyed by its own text.)
        var file: String
        /// The decoded front-matter: all that the pages listing accounts show.
        var frontMatter: String
    }


    var theme: Theme
    var config: SiteConfig
    var asOf: Day
    /// A hash of everything every page depends on besides its accounts.
    var settingsKey = ""
    /// Threads for planning the pages; the plan does not depend on it.
    var threads = 1

    /// All output files, in a fixed order: pages, then the search data and the assets.
    /// `accountKeys` holds the keys of each account, by slug.
    func plan(_ accounts: [Account], accountKeys: [String: AccountKey] = [:]) -> [PageJob] {
        let env = RenderEnvironment(config: config, asOf: asOf, strings: theme.strings,
                                    links: SiteLinks(accounts: accounts, offerings: config.offerings))
        let plan = PortfolioPlan(accounts, config: config)
        let links = Dictionary(accounts.map { ($0.dossier.slug, Self.linkSlugs(of: $0, env.links)) }) { first, _ in first }
        let wholes = accounts.map { (accountKeys[$0.dossier.slug]?.file ?? "") + "|" + (links[$0.dossier.slug] ?? "") }
        let summaries = Dictionary(accounts.map { account in
            (account.dossier.slug, (accountKeys[account.dossier.slug]?.frontMatter ?? "") + "|" + (links[account.dossier.slug] ?? ""))
        }) { first, _ in first }
        let everyAccount = accounts.map { summaries[$0.dossier.slug] ?? "" }
        var pages: [PageJob] = [
            page("index.html", "index", everyAccount) { PageContext.portfolio(accounts, plan: plan, env) },
            page("stages/index.html", "stages", everyAccount) { PageContext.stageOverview(accounts, env) },
        ]
        pages += listPages(SiteLinks.accountsIndexPath, "accounts", rows: everyAccount) { page in
            PageContext.accountList(accounts[page.rows], page: page, env)
        }
        for stage in Stage.allCases {
            let members = accounts.filter { $0.dossier.stage == stage }
            pages += listPages(SiteLinks.path(ofStage: stage), "stage", rows: members.map { summaries[$0.dossier.slug] ?? "" }) { page in
                PageContext.stagePage(stage, accounts: members[page.rows], page: page, env)
            }
        }
        for (cell, members) in PageContext.matrixCells(accounts) {
            pages += listPages(SiteLinks.path(ofMatrixCell: cell), "accounts", rows: members.map { summaries[$0.dossier.slug] ?? "" }) { page in
                PageContext.accountList(members[page.rows], page: page, cell: cell, env)
            }
        }
        let findings = PageContext.urgentFindings(accounts, config)
        let findingRows = findings.map { (summaries[$0.account.dossier.slug] ?? "") + "#" + $0.finding.ruleID }
        pages += listPages(SiteLinks.findingsIndexPath, "findings", rows: findingRows) { page in
            PageContext.findingList(findings[page.rows], page: page, env)
        }
        for (account, whole) in zip(accounts, wholes) {
            let part = [whole]
            pages.append(page(SiteLinks.reportPath(ofAccount: account.dossier.slug), "account", part) { PageContext.account(account, env) })
            pages.append(page(SiteLinks.briefPath(ofAccount: account.dossier.slug), "brief", part) { PageContext.account(account, env) })
        }
        pages += crossReferences(accounts, env, everyAccount: everyAccount) { summaries[$0.dossier.slug] ?? "" }
        pages += offeringPages(plan, env, everyAccount: everyAccount)
        pages.append(page("search/index.html", "search", everyAccount) { PageContext.search(accounts, env) })
        let (config, asOf) = (self.config, self.asOf)
        pages.append(file(SiteLinks.portfolioTablePath, ["portfolio-table"] + everyAccount) {
            PortfolioTable(accounts: accounts, config: config, asOf: asOf).csv(excel: true)
        })
        let (strings, threads) = (env.strings, self.threads)
        // The search data: each file keyed by exactly what it holds, so an edit remakes only the chunks it changes.
        for search in SearchIndex.files(for: accounts, strings: strings, threads: threads) {
            pages.append(file(search.path, ["search-data", search.text]) { search.text })
        }
        for name in Theme.assetNames {
            let contents = theme.assets[name] ?? ""
            pages.append(file("assets/\(name)", []) { contents })
        }
        return pages
    }

    /// Owners, segments, competitors, tags and meetings pages, and the calendar feeds of meetings and owners.
    /// The kinds are grouped on up to `threads` threads.
    private func crossReferences(_ accounts: [Account], _ env: RenderEnvironment, everyAccount: [String],
                                 part: @escaping @Sendable (Account) -> String) -> [PageJob] {
        let meeting = PageContext.meetingOrder(accounts)
        let meetings = listPages(SiteLinks.meetingsIndexPath, "meetings", rows: meeting.map(part)) { page in
            PageContext.meetings(meeting[page.rows], page: page, env)
        }
        let meetingsFeed = file(SiteLinks.meetingsCalendarPath, ["calendar"] + everyAccount) { CalendarFeed.meetings(accounts, env) }
        return meetings + [meetingsFeed] + SiteLinks.Kind.allCases.parallelMap(threads: threads) { kind in
            let (columns, items) = PageContext.groupItems(kind, env)
            let groups = NameGroup.group(accounts, slugger: env.links.slugger(for: kind), by: items)
            var pages = [page("\(kind.rawValue)/index.html", "directory", everyAccount) { PageContext.directory(kind, groups: groups, env) }]
            for group in groups {
                let path = env.links.path(of: group.name, kind: kind)
                let rows = group.members.map { part($0.account) + "|" + $0.item.joined(separator: "|") }
                let members = [group.name] + rows
                // An owner's first page shows their week, agenda and findings from all their accounts.
                pages += kind == .owners
                    ? listPages(path, "owner", rows: rows, fixed: [group.name], firstPage: rows) { page in PageContext.owner(group, page: page, env) }
                    : listPages(path, "group", rows: rows, fixed: [group.name]) { page in PageContext.group(kind, group, columns: columns, page: page, env) }
                if kind == .owners {
                    pages.append(file(env.links.calendarPath(ofOwner: group.name), ["calendar"] + members) { CalendarFeed.owner(group, env) })
                }
            }
            return pages
        }.flatMap { $0 }
    }

    /// The offerings directory and one page per offering; none when dossier.yml lists no `offerings`.
    /// Offerings that differ only in case or spacing share one page, that of the first written.
    private func offeringPages(_ plan: PortfolioPlan, _ env: RenderEnvironment, everyAccount: [String]) -> [PageJob] {
        guard !plan.offerings.isEmpty else { return [] }
        var pages = [page(SiteLinks.offeringsIndexPath, "offerings", everyAccount) { PageContext.offeringDirectory(plan, env) }]
        var hasher = ContentHasher()
        for part in everyAccount { hasher.add(part) }
        let everyAccountKey = hasher.hexDigest
        var paths: Set<String> = []
        for coverage in plan.offerings {
            let path = env.links.path(ofOffering: coverage.offering)
            guard paths.insert(path).inserted else { continue }
            // An offering's page shows what every account's plan says about it: keyed by all accounts.
            let rows = Array(repeating: everyAccountKey, count: PageContext.offeringRowCount(coverage))
            pages += listPages(path, "offering", rows: rows) { page in PageContext.offering(coverage, page: page, env) }
        }
        return pages
    }

    /// Every page of a list of rows (see `Pagination`), the first at `listPath`: each keyed by `fixed`, its
    /// place in the list and the parts of the rows it shows (`firstPage` instead for the first page, when it
    /// shows more than its rows), so an edit re-renders only the pages showing the account.
    private func listPages(_ listPath: String, _ template: String, rows: [String], fixed: [String] = [], firstPage: [String]? = nil,
                           _ makeContext: @escaping @Sendable (ListPage) -> Context) -> [PageJob] {
        ListPage.pages(of: listPath, rowCount: rows.count).map { listPage in
            let place = "page \(listPage.number) of \(listPage.pagination.pageCount), \(rows.count) rows"
            let shown = listPage.isFirst ? firstPage ?? Array(rows[listPage.rows]) : Array(rows[listPage.rows])
            return page(listPage.path, template, fixed + [place] + shown) { makeContext(listPage) }
        }
    }

    /// A page rendered from `template` with the context `makeContext` builds.
    private func page(_ path: String, _ template: String, _ parts: [String], _ makeContext: @escaping @Sendable () -> Context) -> PageJob {
        let theme = self.theme
        return file(path, [template] + parts) { theme.render(template, with: makeContext()) }
    }

    private func file(_ path: String, _ parts: [String], _ make: @escaping @Sendable () -> String) -> PageJob {
        var hasher = ContentHasher()
        hasher.add(settingsKey)
        hasher.add(path)
        for part in parts { hasher.add(part) }
        return PageJob(path: path, key: hasher.hexDigest, make: make)
    }

    /// The slugs of the pages an account links to, which change when another account brings a clashing name.
    private static func linkSlugs(of account: Account, _ links: SiteLinks) -> String {
        SiteLinks.Kind.allCases.map { kind in
            SiteLinks.names(of: kind, in: account.dossier).map { links.slugger(for: kind).slug(for: $0) }.joined(separator: ",")
        }.joined(separator: ";")
    }
}
