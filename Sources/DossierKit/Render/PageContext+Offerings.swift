/// The account plan across the portfolio: the portfolio page's pipeline, white-space and revenue
/// sections, the offerings directory and one page per offering (dossier.yml `offerings`).
extension PageContext {
    /// The portfolio page's plan sections, with links relative to `root`.
    ///
    /// `pipeline` is there when any account has opportunities, `whitespace` when dossier.yml lists
    /// offerings, `our_years` when any account gives `economics.years`.
    static func portfolioPlan(_ plan: PortfolioPlan, root: String, _ env: RenderEnvironment) -> Context {
        let strings = env.strings
        let money = { (amount: Double) in env.format.money(amount, currency: env.config.currency) }
        var context: Context = [:]
        let sum = { (sum: PortfolioPlan.Sum) -> Context in ["count": env.format.integer(sum.count), "value": money(sum.value)] }
        let closed: Set<Opportunity.SalesStage> = [.won, .lost]
        if plan.bySalesStage.contains(where: { $0.sum.count > 0 }) || plan.withoutSalesStage.count > 0 {
            var open = plan.bySalesStage.filter { !closed.contains($0.stage) }.map { entry -> Context in
                var row = sum(entry.sum)
                row["title"] = strings[entry.stage.stringsKey]
                return row
            }
            if plan.withoutSalesStage.count > 0 {
                var row = sum(plan.withoutSalesStage)
                row["title"] = strings["pipeline_no_stage"]
                open.append(row)
            }
            var pipeline: Context = ["open": open, "open_total": sum(plan.openTotal)]
            pipeline["closed"] = plan.bySalesStage.filter { closed.contains($0.stage) }.map { entry -> Context in
                var row = sum(entry.sum)
                row["title"] = strings[entry.stage.stringsKey]
                return row
            }
            pipeline["by_stage"] = plan.openByStage.map { entry -> Context in
                var row = sum(entry.sum)
                row["stage"] = stage(entry.stage, env)
                row["url"] = "\(root)stages/\(entry.stage.rawValue)/index.html"
                return row
            }
            context["pipeline"] = pipeline
        }
        if !env.config.offerings.isEmpty {
            context["whitespace"] = whitespaceRows(plan, root: root, env)
            context["whitespace_lead"] = whitespaceLead(plan, env)
        }
        if !plan.years.isEmpty {
            context["our_years"] = plan.years.map { year -> Context in
                var row: Context = ["year": String(year.year), "revenue": money(year.revenue),
                                    "accounts": env.format.integer(year.accounts)]
                row["margin"] = year.grossMargin.map(env.format.percent)
                return row
            }
            context["our_years_lead"] = strings.format("our_years_lead", ["currency": env.config.currency])
        }
        if !plan.unconverted.isEmpty {
            context["plan_note"] = strings.format("plan_unconverted", ["currencies": plan.unconverted.joined(separator: strings["list_separator"])])
        }
        return context
    }

    /// One row per offering, in dossier.yml's order: accounts buying it from us, from a competitor, with
    /// an open need, and its open pipeline; each count links to its section of the offering's page.
    static func whitespaceRows(_ plan: PortfolioPlan, root: String, _ env: RenderEnvironment) -> [Context] {
        plan.offerings.map { coverage -> Context in
            let url = root + env.links.path(ofOffering: coverage.offering)
            func cell(_ count: Int, _ anchor: String) -> Context {
                var cell: Context = ["count": env.format.integer(count)]
                if count > 0 { cell["section_url"] = "\(url)#\(anchor)" }
                return cell
            }
            let pipeline = coverage.openPipeline
            var row: Context = [
                "name": coverage.offering, "url": url,
                "ours": cell(coverage.ours.count, "ours"),
                "competitor": cell(coverage.competitorAccountCount, "competitors"),
                "open": cell(coverage.open.count, "open"),
                "opportunities": cell(pipeline.count, "opportunities"),
            ]
            if pipeline.count > 0 { row["pipeline_value"] = env.format.money(pipeline.value, currency: env.config.currency) }
            return row
        }
    }

    /// "7 of 12 accounts have a white-space grid", with the counts grouped (`3,000`).
    static func whitespaceLead(_ plan: PortfolioPlan, _ env: RenderEnvironment) -> String {
        env.strings.plural("whitespace_lead", count: plan.accountCount,
                           ["count": env.format.integer(plan.accountCount), "with": env.format.integer(plan.accountsWithWhitespace)])
    }

    /// `offerings/index.html`: every offering with where it stands across the portfolio.
    static func offeringDirectory(_ plan: PortfolioPlan, _ env: RenderEnvironment) -> Context {
        let root = "../"
        var context = common(env, root: root, title: env.strings["nav_offerings"])
        context["intro"] = env.strings["offerings_intro"]
        context["whitespace"] = whitespaceRows(plan, root: root, env)
        context["whitespace_lead"] = whitespaceLead(plan, env)
        if !plan.unconverted.isEmpty {
            context["plan_note"] = env.strings.format("plan_unconverted", ["currencies": plan.unconverted.joined(separator: env.strings["list_separator"])])
        }
        return context
    }

    /// How many rows an offering's page lists: the accounts buying it from us, each competitor's
    /// accounts, the accounts needing it and its open opportunities, in this order.
    static func offeringRowCount(_ coverage: PortfolioPlan.Coverage) -> Int {
        coverage.ours.count + coverage.suppliers.reduce(0) { $0 + $1.placements.count } + coverage.open.count + coverage.opportunities.count
    }

    /// `offerings/<slug>/index.html` and its pages: the accounts buying the offering from us, the competitors
    /// supplying it (with their accounts), the accounts needing it, and its open opportunities, one list of
    /// rows in this order (`offeringRowCount`) cut into pages. The first page has every section's heading
    /// (the white-space table links them), saying on which page a section starts that it does not reach.
    static func offering(_ coverage: PortfolioPlan.Coverage, page: ListPage, _ env: RenderEnvironment) -> Context {
        let root = page.root
        let strings = env.strings
        let separator = strings["list_separator"]
        var context = common(env, root: root, title: coverage.offering)
        context["name"] = coverage.offering
        context["offerings_index_url"] = root + SiteLinks.offeringsIndexPath
        func placement(_ placement: PortfolioPlan.Placement) -> Context {
            var row = link(to: placement.account, root: root, env)
            row["centres"] = placement.centres.joined(separator: separator)
            return row
        }
        // The rows of each section on this page; `start` is where the next section begins in the whole list.
        var start = 0
        func onThisPage<Item>(_ items: [Item]) -> ArraySlice<Item> {
            defer { start += items.count }
            let lower = max(page.rows.lowerBound, start), upper = min(page.rows.upperBound, start + items.count)
            return lower < upper ? items[(lower - start)..<(upper - start)] : []
        }
        /// Shows a section with its rows on this page; on the first page also one whose rows come later.
        func section(_ key: String, rows count: Int) {
            let shown = page.rows.overlaps(start..<(start + count))
            let firstPage = page.pagination.page(ofRow: start)
            context["show_\(key)"] = shown || page.isFirst
            if !shown, count > 0, page.isFirst, firstPage > 1 {
                context["\(key)_later"] = ["url": page.url(ofPage: firstPage), "text": strings.format("pages_section_later", ["number": String(firstPage)])]
            }
        }
        section("ours", rows: coverage.ours.count)
        context["ours"] = onThisPage(coverage.ours).map(placement)
        let accounts = { (count: Int) in strings.plural("offering_accounts", count: count, ["count": env.format.integer(count)]) }
        context["ours_count"] = accounts(coverage.ours.count)
        let competitors = env.links.slugger(for: .competitors)
        let supplierRows = coverage.suppliers.reduce(0) { $0 + $1.placements.count }
        section("suppliers", rows: supplierRows)
        context["suppliers"] = coverage.suppliers.compactMap { supplier -> Context? in
            let shown = onThisPage(supplier.placements)
            guard !shown.isEmpty else { return nil }
            var row: Context = ["name": supplier.name, "accounts": shown.map(placement),
                                "count": accounts(supplier.placements.count)]
            if competitors.knows(supplier.name) { row["competitor_url"] = root + env.links.path(of: supplier.name, kind: .competitors) }
            return row
        }
        context["competitor_count"] = accounts(coverage.competitorAccountCount)
        section("open", rows: coverage.open.count)
        context["open"] = onThisPage(coverage.open).map(placement)
        context["open_count"] = accounts(coverage.open.count)
        section("opportunities", rows: coverage.opportunities.count)
        context["opportunities"] = onThisPage(coverage.opportunities).map { open -> Context in
            var row = link(to: open.account, root: root, env)
            row["opportunity"] = open.opportunity.name
            row["value"] = open.value.map { env.format.money($0, currency: env.config.currency) }
            row["sales_stage"] = open.opportunity.stage.map { strings[$0.stringsKey] }
            row["close"] = open.opportunity.close.map(env.format.day)
            row["is_past_close"] = open.opportunity.close.map { $0 < env.asOf } ?? false
            row["opportunity_owner"] = open.opportunity.owner
            return row
        }
        let pipeline = coverage.openPipeline
        context["pipeline_total"] = strings.plural("offering_pipeline_total", count: pipeline.count,
                                                   ["count": env.format.integer(pipeline.count),
                                                    "value": env.format.money(pipeline.value, currency: env.config.currency)])
        if coverage.opportunities.contains(where: { $0.value == nil }) {
            context["pipeline_note"] = strings["offering_pipeline_unvalued"]
        }
        paginate(&context, page, env)
        return context
    }
}
