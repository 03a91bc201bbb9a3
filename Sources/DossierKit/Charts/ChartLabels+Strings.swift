/// The charts' words from the strings file, so charts speak the site's language.
extension PortfolioMatrix.Labels {
    init(_ strings: Strings) {
        self.init()
        numbers = Format(strings)
        title = strings["chart_matrix_title"]
        attractiveness = strings["chart_matrix_attractiveness"]
        strength = strings["chart_matrix_strength"]
        strategic = strings["chart_matrix_strategic"]
        strategicAction = strings["chart_matrix_strategic_action"]
        star = strings["chart_matrix_star"]
        starAction = strings["chart_matrix_star_action"]
        status = strings["chart_matrix_status"]
        statusAction = strings["chart_matrix_status_action"]
        streamline = strings["chart_matrix_streamline"]
        streamlineAction = strings["chart_matrix_streamline_action"]
        stageNames = stageNameTable(strings)
        sizeLegend = strings["chart_matrix_size_legend"]
        walletUnknown = strings["chart_matrix_wallet_unknown"]
        unknown = strings["chart_unknown"]
        noData = strings["chart_matrix_no_data"]
        oneAccount = strings["chart_accounts_one"]
        accounts = strings["chart_accounts_other"]
        summary = strings["chart_matrix_summary"]
        quadrantLine = strings["chart_matrix_quadrant_line"]
        point = strings["chart_matrix_point"]
        none = strings["chart_none"]
    }
}

extension StagePipeline.Labels {
    init(_ strings: Strings) {
        self.init()
        numbers = Format(strings)
        title = strings["chart_pipeline_title"]
        accountsHeading = strings["chart_pipeline_accounts"]
        walletHeading = strings["chart_pipeline_wallet"]
        walletHeadingBare = strings["chart_pipeline_wallet_bare"]
        stageNames = stageNameTable(strings)
        oneAccount = strings["chart_accounts_one"]
        accounts = strings["chart_accounts_other"]
        row = strings["chart_pipeline_row"]
        total = strings["chart_pipeline_total"]
        noData = strings["chart_pipeline_no_data"]
    }
}

extension RevenueChart.Labels {
    init(_ strings: Strings) {
        self.init()
        numbers = Format(strings)
        title = strings["chart_revenue_title"]
        revenueLegend = strings["chart_revenue_legend"]
        revenueBare = strings["chart_revenue_legend_bare"]
        marginLegend = strings["chart_margin_legend"]
        revenueRow = strings["chart_revenue_row"]
        marginRow = strings["chart_margin_row"]
        notAvailable = strings["chart_not_available"]
        yearRange = strings["chart_year_range"]
        summary = strings["chart_revenue_summary"]
        yearLine = strings["chart_revenue_year_line"]
        noData = strings["chart_revenue_no_data"]
    }
}

extension WalletShareChart.Labels {
    init(_ strings: Strings) {
        self.init()
        numbers = Format(strings)
        title = strings["chart_wallet_title"]
        share = strings["chart_wallet_share"]
        ours = strings["chart_wallet_ours"]
        total = strings["chart_wallet_total"]
        oursUnknown = strings["chart_wallet_ours_unknown"]
        summary = strings["chart_wallet_summary"]
        summaryOursUnknown = strings["chart_wallet_summary_ours_unknown"]
        moreThanTotal = strings["chart_wallet_more_than_total"]
        noData = strings["chart_wallet_no_data"]
    }
}

extension CommitmentTimeline.Labels {
    init(_ strings: Strings) {
        self.init()
        numbers = Format(strings)
        title = strings["chart_timeline_title"]
        monthYear = strings["chart_timeline_month_year"]
        asOf = strings["chart_timeline_as_of"]
        kept = strings["chart_timeline_kept"]
        late = strings["chart_timeline_late"]
        overdue = strings["chart_timeline_overdue"]
        open = strings["chart_timeline_open"]
        dueToday = strings["chart_timeline_due_today"]
        doneWithoutDueDate = strings["chart_timeline_done_no_due"]
        openWithoutDueDate = strings["chart_timeline_open_no_due"]
        dueLegend = strings["chart_timeline_due_legend"]
        doneLegend = strings["chart_timeline_done_legend"]
        lateLegend = strings["chart_timeline_late_legend"]
        overdueLegend = strings["chart_timeline_overdue_legend"]
        summary = strings["chart_timeline_summary"]
        oneCommitment = strings["chart_commitments_one"]
        commitments = strings["chart_commitments_other"]
        rowDone = strings["chart_timeline_row_done"]
        rowOpen = strings["chart_timeline_row_open"]
        rowDoneWithoutDueDate = strings["chart_timeline_row_done_no_due"]
        rowOpenWithoutDueDate = strings["chart_timeline_row_open_no_due"]
        noData = strings["chart_timeline_no_data"]
    }
}

/// Stage names by stage, in the strings' language.
private func stageNameTable(_ strings: Strings) -> [Stage: String] {
    Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, strings["stage_\($0.rawValue)"]) })
}
