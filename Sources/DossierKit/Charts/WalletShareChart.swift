import Foundation

/// Share of wallet: the customer's total spend in our category as one bar, our part of it filled
/// solid and the rest hatched, with the percentage printed large beside it.
struct WalletShareChart: Sendable, Equatable {
    /// Every word the chart shows or says. `{…}` are placeholders filled by the chart.
    struct Labels: Sendable, Equatable {
        /// The words of the site's language, from the strings file.
        var strings: Strings
        /// How numbers and money are written.
        var numbers: Format { Format(strings) }
        var title: String { strings["chart_wallet_title"] }
        var share: String { strings["chart_wallet_share"] }
        /// `{amount}`.
        var ours: String { strings["chart_wallet_ours"] }
        /// `{amount}`.
        var total: String { strings["chart_wallet_total"] }
        var oursUnknown: String { strings["chart_wallet_ours_unknown"] }
        /// `{ours}`, `{total}`, `{share}`.
        var summary: String { strings["chart_wallet_summary"] }
        /// `{total}`.
        var summaryOursUnknown: String { strings["chart_wallet_summary_ours_unknown"] }
        var moreThanTotal: String { strings["chart_wallet_more_than_total"] }
        var noData: String { strings["chart_wallet_no_data"] }

        init(_ strings: Strings = .english) {
            self.strings = strings
        }
    }

    /// The customer's total spend in our category; nil or not above zero means no chart.
    var total: Double?
    /// What of it goes to us; nil when not known.
    var ours: Double?
    /// e.g. `EUR`; empty prints bare numbers.
    var currency: String
    var labels: Labels

    init(total: Double?, ours: Double?, currency: String = "", labels: Labels = Labels()) {
        self.total = total
        self.ours = ours
        self.currency = currency
        self.labels = labels
    }

    private static let width = 720.0
    private static let height = 96.0
    private static let barStart = 170.0, barEnd = 700.0, barTop = 22.0, barHeight = 30.0

    /// Our share of the wallet as a fraction, when both figures are known and the total is above zero.
    var share: Double? {
        guard let total, total.isFinite, total > 0, let ours, ours.isFinite else { return nil }
        return max(0, ours) / total
    }

    /// The complete `<svg>` element; `id` prefixes every id in it, so give each chart on a page its own.
    func svg(id: String) -> String {
        let id = SVG.identifier(id)
        guard let total, total.isFinite, total > 0 else {
            return SVG.empty(id: id, kind: "wallet", title: labels.title, message: labels.noData)
        }
        let share = self.share
        let totalText = labels.numbers.money(total, currency: currency)
        let length = Self.barEnd - Self.barStart
        let filled = length * min(1, share ?? 0)
        let hatch = "\(id)-rest"
        var body: [String] = []
        body.append(SVG.text(share.map(labels.numbers.percent) ?? "–", x: 8, y: 46, size: 30, weight: "bold"))
        body.append(SVG.text(share == nil ? labels.oursUnknown : labels.share, x: 8, y: 66, size: 12, fill: SVG.muted))
        body.append(SVG.rect(x: Self.barStart, y: Self.barTop, width: length, height: Self.barHeight,
                             attributes: "fill=\"url(#\(hatch))\" stroke=\"\(SVG.muted)\" stroke-width=\"1\""))
        if filled > 0 {
            body.append(SVG.rect(x: Self.barStart, y: Self.barTop, width: max(1.5, filled), height: Self.barHeight,
                                 attributes: "fill=\"\(SVG.accent)\" stroke=\"\(SVG.ink)\" stroke-width=\"1\""))
            body.append(SVG.line(x1: Self.barStart + filled, y1: Self.barTop - 6, x2: Self.barStart + filled, y2: Self.barTop + Self.barHeight + 6, stroke: SVG.ink, width: 1.5))
        }
        if let ours, ours.isFinite {
            body.append(SVG.text(Strings.fill(labels.ours, ["amount": labels.numbers.money(ours, currency: currency)]),
                                 x: Self.barStart, y: Self.barTop + Self.barHeight + 20, size: 12, weight: "bold"))
        }
        body.append(SVG.text(Strings.fill(labels.total, ["amount": totalText]),
                             x: Self.barEnd, y: Self.barTop + Self.barHeight + 20, anchor: "end", size: 12))
        return SVG.document(
            id: id, kind: "wallet", width: Self.width, height: Self.height, title: labels.title,
            desc: description(total: totalText, share: share),
            defs: [SVG.hatch(id: hatch, color: "#aeb5c2", background: "#ffffff", spacing: 6, width: 1.5)],
            body: body)
    }

    private func description(total: String, share: Double?) -> String {
        guard let share, let ours else { return Strings.fill(labels.summaryOursUnknown, ["total": total]) }
        let sentence = Strings.fill(labels.summary, [
            "ours": labels.numbers.money(ours, currency: currency), "total": total, "share": labels.numbers.percent(share),
        ])
        return share > 1 ? sentence + " " + labels.moreThanTotal : sentence
    }
}
