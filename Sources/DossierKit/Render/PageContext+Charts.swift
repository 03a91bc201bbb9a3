/// The charts of the portfolio page and the account report, as inline SVG.
extension PageContext {
    /// The accounts in each cell of the portfolio matrix, in slug order: the lists its cells link to above
    /// `PortfolioMatrix.densityThreshold` assessed accounts, none below.
    static func matrixCells(_ accounts: [Account]) -> [(cell: PortfolioMatrix.Cell, accounts: [Account])] {
        let assessed = accounts.compactMap { account -> (PortfolioMatrix.Cell, Account)? in
            guard let attractiveness = account.dossier.assessment?.attractiveness, let strength = account.dossier.assessment?.strength else { return nil }
            return (PortfolioMatrix.Cell(attractiveness: attractiveness, strength: strength), account)
        }
        guard PortfolioMatrix.drawsDensity(accounts: assessed.count) else { return [] }
        let cells = Dictionary(grouping: assessed, by: \.0)
        return cells.keys.sorted().map { cell in (cell, (cells[cell] ?? []).map(\.1)) }
    }

    /// The portfolio matrix, the accounts outside it, and the stage pipeline.
    static func portfolioCharts(_ accounts: [Account], _ env: RenderEnvironment) -> Context {
        let config = env.config
        var points: [PortfolioMatrix.Point] = []
        var unassessed: [Context] = []
        for account in accounts {
            let dossier = account.dossier
            guard let attractiveness = dossier.assessment?.attractiveness, let strength = dossier.assessment?.strength else {
                unassessed.append(link(to: account, root: "", env))
                continue
            }
            let wallet = dossier.financials?.wallet?.total.flatMap { config.inSiteCurrency($0, from: dossier.financials?.currency) }
            points.append(PortfolioMatrix.Point(name: dossier.name, url: SiteLinks.reportPath(ofAccount: dossier.slug), stage: dossier.stage,
                                                attractiveness: attractiveness, strength: strength, wallet: wallet))
        }
        var unconverted: Set<String> = []
        let rows = Stage.allCases.map { stage -> StagePipeline.Row in
            let members = accounts.filter { $0.dossier.stage == stage }
            var wallet = 0.0
            for account in members {
                guard let total = account.dossier.financials?.wallet?.total else { continue }
                let currency = account.dossier.financials?.currency
                if let converted = config.inSiteCurrency(total, from: currency) {
                    wallet += converted
                } else {
                    unconverted.insert(currency ?? config.currency)
                }
            }
            return StagePipeline.Row(stage: stage, accounts: members.count, wallet: wallet)
        }
        var cellURLs: [PortfolioMatrix.Cell: String] = [:]
        if PortfolioMatrix.drawsDensity(accounts: points.count) {
            for point in points {
                let cell = PortfolioMatrix.Cell(attractiveness: point.attractiveness, strength: point.strength)
                cellURLs[cell] = SiteLinks.path(ofMatrixCell: cell)
            }
        }
        let matrix = PortfolioMatrix(points: points, split: config.matrixSplit, currency: config.currency, labels: .init(env.strings), cellURLs: cellURLs)
        var context: Context = [
            "matrix_svg": matrix.svg(id: "matrix"),
            "pipeline_svg": StagePipeline(rows: rows, currency: config.currency, labels: .init(env.strings)).svg(id: "pipeline"),
            "unassessed": Array(unassessed.prefix(summaryRows)),
        ]
        context["unassessed_more"] = more(unassessed.count, shown: summaryRows, env)
        if !unconverted.isEmpty {
            context["pipeline_note"] = env.strings.format("chart_pipeline_unconverted", ["currencies": unconverted.sorted().joined(separator: env.strings["list_separator"])])
        }
        return context
    }

    /// Revenue and margin over the years, share of wallet, and the commitment timeline of one account.
    static func accountCharts(_ account: Account, _ env: RenderEnvironment) -> Context {
        let dossier = account.dossier
        let currency = dossier.financials?.currency ?? env.config.currency
        var context: Context = [:]
        let years = dossier.financials?.years ?? []
        if !years.isEmpty {
            let data = years.map { RevenueChart.Year(year: $0.year, revenue: $0.revenue, margin: $0.operatingMargin) }
            context["revenue_svg"] = RevenueChart(years: data, currency: currency, labels: .init(env.strings)).svg(id: "revenue")
        }
        if let wallet = dossier.financials?.wallet, wallet.total != nil {
            context["wallet_svg"] = WalletShareChart(total: wallet.total, ours: wallet.ours, currency: currency, labels: .init(env.strings)).svg(id: "wallet")
        }
        if !dossier.commitments.isEmpty {
            let items = dossier.commitments.map { CommitmentTimeline.Item(promise: $0.promise, due: $0.measuredDue, done: $0.done) }
            context["timeline_svg"] = CommitmentTimeline(items: items, asOf: env.asOf, labels: .init(env.strings)).svg(id: "timeline")
        }
        return context
    }
}
