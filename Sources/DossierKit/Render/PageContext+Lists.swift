/// Long lists: the navigation between the pages of a paginated list, the lists of every account and of
/// every finding, and the caps of the short lists that link to them.
extension PageContext {
    /// The most rows a summary list shows (the portfolio's urgent findings and next meetings, an owner's
    /// week): the rest are on the complete list it links to, or counted.
    static let summaryRows = 50
    /// The most account names one entry of a directory (owners, segments, …) or of the stage overview names.
    static let namesPerEntry = 24

    /// Adds what page `page` of a list needs to `context`: `pager` (the navigation and the `<link rel>`s
    /// of the layout) and a page title naming the page number, both only when the list has pages.
    static func paginate(_ context: inout Context, _ page: ListPage, _ env: RenderEnvironment) {
        let pagination = page.pagination
        guard pagination.pageCount > 1 else { return }
        let strings = env.strings
        let rows = page.rows
        let number = env.format.integer
        var pager: Context = [
            "label": strings["pages_label"],
            "summary": strings.format("pages_rows", ["first": number(rows.lowerBound + 1), "last": number(rows.upperBound), "count": number(pagination.rowCount)]),
        ]
        if page.number > 1 { pager["prev_url"] = page.url(ofPage: page.number - 1) }
        if page.number < pagination.pageCount { pager["next_url"] = page.url(ofPage: page.number + 1) }
        pager["pages"] = pagination.navigationNumbers(around: page.number).map { number -> Context in
            guard let number else { return ["is_gap": true] }
            var item: Context = ["number": number, "label": strings.format("pages_page", ["number": String(number)])]
            if number == page.number { item["is_current"] = true } else { item["url"] = page.url(ofPage: number) }
            return item
        }
        context["pager"] = pager
        if let title = context["page_title"] as? String {
            context["page_title"] = strings.format("pages_title", ["title": title, "number": String(page.number), "count": String(pagination.pageCount)])
        }
    }

    /// `… and N more.` under a list cut to its first rows; nil when nothing was cut.
    static func more(_ total: Int, shown: Int, _ env: RenderEnvironment) -> String? {
        total > shown ? env.strings.plural("list_more", count: total - shown) : nil
    }

    /// `accounts/index.html` and its pages: every account, in slug order (`accounts`), one page of it.
    /// With `cell`, the list of the accounts in that cell of the portfolio matrix instead.
    static func accountList(_ accounts: ArraySlice<Account>, page: ListPage, cell: PortfolioMatrix.Cell? = nil, _ env: RenderEnvironment) -> Context {
        let root = page.root
        let strings = env.strings
        var title = strings["all_accounts_title"]
        if let cell {
            let quadrant = PortfolioMatrix.quadrant(attractiveness: cell.attractiveness, strength: cell.strength, split: env.config.matrixSplit)
            title = strings.format("matrix_cell_title", [
                "attractiveness": String(cell.attractiveness), "strength": String(cell.strength),
                "quadrant": PortfolioMatrix.Labels(strings).name(of: quadrant).name,
            ])
        }
        var context = common(env, root: root, title: title)
        context["heading"] = title
        context["lead"] = strings.plural("all_accounts_lead", count: page.pagination.rowCount)
        context["accounts"] = accounts.map { summary(of: $0, root: root, env) }
        paginate(&context, page, env)
        return context
    }

    /// `findings/index.html` and its pages: one page of every finding, most urgent first (`urgentFindings`).
    static func findingList(_ findings: ArraySlice<(account: Account, finding: Finding)>, page: ListPage, _ env: RenderEnvironment) -> Context {
        let root = page.root
        var context = common(env, root: root, title: env.strings["all_findings_title"])
        context["lead"] = env.strings.plural("all_findings_lead", count: page.pagination.rowCount)
        context["findings"] = findings.map { entry -> Context in
            var row = link(to: entry.account, root: root, env)
            row.merge(finding(entry.finding, env)) { _, new in new }
            return row
        }
        paginate(&context, page, env)
        return context
    }

    /// Every finding of every account, most urgent first: by severity, then by the account's wallet total
    /// in the site's currency (largest first, unknown last), then by account slug, then in the account's
    /// own order. The portfolio shows the first high ones; `findings/` lists them all.
    static func urgentFindings(_ accounts: [Account], _ config: SiteConfig) -> [(account: Account, finding: Finding)] {
        // Ranks are sorted with the account's index, not the account: moving an `Account` copies every
        // field, and at 10,000 accounts the sort moved 56,000 of them many times over.
        let ranked = accounts.indices.flatMap { position -> [(key: FindingRank, position: Int)] in
            let dossier = accounts[position].dossier
            let wallet = dossier.financials?.wallet?.total.flatMap { config.inSiteCurrency($0, from: dossier.financials?.currency) }
            return accounts[position].findings.indices.map { index in
                (FindingRank(severity: accounts[position].findings[index].severity, wallet: wallet, slug: dossier.slug, index: index), position)
            }
        }
        return ranked.sorted { $0.key < $1.key }.map { (accounts[$0.position], accounts[$0.position].findings[$0.key.index]) }
    }
}

/// The order of `PageContext.urgentFindings`.
private struct FindingRank: Comparable {
    var severity: Finding.Severity
    var wallet: Double?
    var slug: String
    var index: Int

    static func < (lhs: FindingRank, rhs: FindingRank) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        let (left, right) = (lhs.wallet.flatMap { $0.isFinite ? $0 : nil }, rhs.wallet.flatMap { $0.isFinite ? $0 : nil })
        if left != right {
            guard let left else { return false }
            guard let right else { return true }
            return left > right
        }
        return (lhs.slug, lhs.index) < (rhs.slug, rhs.index)
    }
}
