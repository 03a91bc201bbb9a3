import Foundation

/// The stage pipeline: for every stage, in the model's order, how many accounts are in it and their
/// total wallet, as two columns of horizontal bars with the value printed beside each bar.
struct StagePipeline: Sendable, Equatable {
    /// The accounts of one stage.
    struct Row: Sendable, Equatable {
        var stage: Stage
        var accounts: Int
        /// The sum of the wallet totals of the stage's accounts (those that have one).
        var wallet: Double

        init(stage: Stage, accounts: Int, wallet: Double) {
            self.stage = stage
            self.accounts = accounts
            self.wallet = wallet
        }
    }

    /// Every word the chart shows or says. `{…}` are placeholders filled by the chart.
    struct Labels: Sendable, Equatable {
        /// The words of the site's language, from the strings file.
        var strings: Strings
        /// How numbers and money are written.
        var numbers: Format { Format(strings) }
        var title: String { strings["chart_pipeline_title"] }
        var accountsHeading: String { strings["chart_pipeline_accounts"] }
        /// `{currency}`; `walletHeadingBare` is used when there is no currency.
        var walletHeading: String { strings["chart_pipeline_wallet"] }
        var walletHeadingBare: String { strings["chart_pipeline_wallet_bare"] }
        var oneAccount: String { strings["chart_accounts_one"] }
        /// `{count}`.
        var accounts: String { strings["chart_accounts_other"] }
        /// `{stage}`, `{accounts}`, `{wallet}`.
        var row: String { strings["chart_pipeline_row"] }
        /// `{accounts}`, `{wallet}`.
        var total: String { strings["chart_pipeline_total"] }
        var noData: String { strings["chart_pipeline_no_data"] }

        init(_ strings: Strings = .english) {
            self.strings = strings
        }

        func stageName(_ stage: Stage) -> String { strings.name(of: stage) }

        func count(_ number: Int) -> String {
            number == 1 ? oneAccount : Strings.fill(accounts, ["count": numbers.integer(number)])
        }
    }

    var rows: [Row]
    /// The currency of the wallet totals, e.g. `EUR`; empty prints bare numbers.
    var currency: String
    var labels: Labels

    init(rows: [Row], currency: String = "", labels: Labels = Labels()) {
        self.rows = rows
        self.currency = currency
        self.labels = labels
    }

    /// One row per stage in `Stage.allCases` order; rows given twice for a stage are added up, and
    /// negative or non-finite numbers count as zero.
    func totals() -> [Row] {
        Stage.allCases.map { stage in
            let members = rows.filter { $0.stage == stage }
            return Row(
                stage: stage,
                accounts: members.reduce(0) { $0 + max(0, $1.accounts) },
                wallet: members.reduce(0) { $0 + ($1.wallet.isFinite ? max(0, $1.wallet) : 0) })
        }
    }

    private static let width = 720.0
    private static let rowHeight = 34.0
    private static let top = 44.0

    /// The complete `<svg>` element; `id` prefixes every id in it, so give each chart on a page its own.
    func svg(id: String) -> String {
        let id = SVG.identifier(id)
        let totals = totals()
        let allAccounts = totals.reduce(0) { $0 + $1.accounts }
        let allWallet = totals.reduce(0) { $0 + $1.wallet }
        guard allAccounts > 0 || allWallet > 0 else {
            return SVG.empty(id: id, kind: "pipeline", title: labels.title, message: labels.noData)
        }
        let countColumn = (start: 170.0, end: 370.0)
        let walletColumn = (start: 440.0, end: 640.0)
        let maxCount = Double(totals.map(\.accounts).max() ?? 0)
        let maxWallet = totals.map(\.wallet).max() ?? 0
        let height = Self.top + Self.rowHeight * Double(totals.count) + 36
        var body: [String] = []
        let walletHeading = currency.isEmpty ? labels.walletHeadingBare : Strings.fill(labels.walletHeading, ["currency": currency])
        body.append(SVG.text(labels.accountsHeading, x: countColumn.start, y: 20, size: 12, weight: "bold"))
        body.append(SVG.text(walletHeading, x: walletColumn.start, y: 20, size: 12, weight: "bold"))
        body.append(SVG.line(x1: 0, y1: 30, x2: Self.width, y2: 30, stroke: SVG.line))
        for (index, row) in totals.enumerated() {
            let middle = Self.top + Self.rowHeight * (Double(index) + 0.5)
            let style = StageMarker(stage: row.stage)
            let isEmpty = row.accounts == 0 && row.wallet == 0
            var group = ["<g class=\"pipeline-stage pipeline-\(row.stage.rawValue)\">"]
            if index % 2 == 1 {
                group.append(SVG.rect(x: 0, y: middle - Self.rowHeight / 2, width: Self.width, height: Self.rowHeight, attributes: "fill=\"\(SVG.wash)\""))
            }
            group.append(style.legendElement(x: 12, y: middle))
            group.append(SVG.text(labels.stageName(row.stage), x: 26, y: middle + 4, size: 12.5, fill: isEmpty ? SVG.muted : SVG.ink))
            group.append(bar(
                value: Double(row.accounts), largest: maxCount, column: countColumn, middle: middle,
                label: labels.numbers.integer(row.accounts), paint: "fill=\"\(style.color)\""))
            group.append(bar(
                value: row.wallet, largest: maxWallet, column: walletColumn, middle: middle,
                label: labels.numbers.compact(row.wallet),
                paint: "fill=\"\(style.color)\" fill-opacity=\"0.35\" stroke=\"\(style.color)\" stroke-width=\"1.5\""))
            group.append("</g>")
            body.append(group.joined())
        }
        let bottom = Self.top + Self.rowHeight * Double(totals.count)
        body.append(SVG.line(x1: 0, y1: bottom, x2: Self.width, y2: bottom, stroke: SVG.line))
        body.append(SVG.text(
            Strings.fill(labels.total, ["accounts": labels.count(allAccounts), "wallet": labels.numbers.money(allWallet, currency: currency)]),
            x: 26, y: bottom + 22, size: 12, fill: SVG.muted))
        return SVG.document(
            id: id, kind: "pipeline", width: Self.width, height: height, title: labels.title,
            desc: description(totals, accounts: allAccounts, wallet: allWallet), body: body)
    }

    /// A bar from the column's start, as long as `value` is against `largest`, with `label` after it.
    private func bar(value: Double, largest: Double, column: (start: Double, end: Double), middle: Double, label: String, paint: String) -> String {
        let length = largest > 0 ? (column.end - column.start) * value / largest : 0
        var parts = [SVG.line(x1: column.start, y1: middle - 12, x2: column.start, y2: middle + 12, stroke: SVG.muted)]
        if length > 0 {
            parts.append(SVG.rect(x: column.start, y: middle - 8, width: max(1.5, length), height: 16, attributes: paint))
        }
        parts.append(SVG.text(label, x: column.start + max(0, length) + 6, y: middle + 4, size: 12, fill: value > 0 ? SVG.ink : SVG.muted))
        return parts.joined()
    }

    private func description(_ totals: [Row], accounts: Int, wallet: Double) -> String {
        var sentences = totals.map { row in
            Strings.fill(labels.row, [
                "stage": labels.stageName(row.stage), "accounts": labels.count(row.accounts),
                "wallet": labels.numbers.money(row.wallet, currency: currency),
            ])
        }
        sentences.append(Strings.fill(labels.total, ["accounts": labels.count(accounts), "wallet": labels.numbers.money(wallet, currency: currency)]))
        return sentences.joined(separator: " ")
    }
}
