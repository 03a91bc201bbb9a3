import Foundation

/// One account's revenue (bars, left axis) and operating margin (a line with point markers, right
/// axis in %) over the years, with the figures printed in a small table under the years; with
/// `Labels.Subject.ourBusiness`, our revenue with the customer and our gross margin, in the same form.
///
/// A missing revenue leaves its bar out, a missing margin breaks the line; both read `n/a` in the
/// table. A single year is one bar and one marker.
struct RevenueChart: Sendable, Equatable {
    /// The figures of one year.
    struct Year: Sendable, Equatable {
        var year: Int
        var revenue: Double?
        /// Operating margin as a fraction: 0.061 is 6.1%.
        var margin: Double?

        init(year: Int, revenue: Double?, margin: Double?) {
            self.year = year
            self.revenue = revenue
            self.margin = margin
        }
    }

    /// Every word the chart shows or says. `{…}` are placeholders filled by the chart.
    struct Labels: Sendable, Equatable {
        /// Whose figures the chart shows, which decides its words.
        enum Subject: Sendable, Equatable {
            /// The customer's published revenue and operating margin (`financials.years`).
            case customer
            /// Our revenue with the customer and our gross margin on it (`economics.years`).
            case ourBusiness
        }

        /// The words of the site's language, from the strings file.
        var strings: Strings
        var subject: Subject
        /// How numbers and money are written.
        var numbers: Format { Format(strings) }
        private var prefix: String { subject == .customer ? "chart_revenue" : "chart_economics" }
        var title: String { strings["\(prefix)_title"] }
        /// `{currency}`; `revenueBare` is used when there is no currency.
        var revenueLegend: String { strings["\(prefix)_legend"] }
        var revenueBare: String { strings["\(prefix)_legend_bare"] }
        var marginLegend: String { strings[subject == .customer ? "chart_margin_legend" : "chart_economics_margin_legend"] }
        /// Row names of the table under the years.
        var revenueRow: String { strings[subject == .customer ? "chart_revenue_row" : "chart_economics_row"] }
        var marginRow: String { strings[subject == .customer ? "chart_margin_row" : "chart_economics_margin_row"] }
        var notAvailable: String { strings["chart_not_available"] }
        /// `{first}`, `{last}`.
        var yearRange: String { strings["chart_year_range"] }
        /// `{years}`.
        var summary: String { strings["\(prefix)_summary"] }
        /// `{year}`, `{revenue}`, `{margin}`.
        var yearLine: String { strings["\(prefix)_year_line"] }
        var noData: String { strings["\(prefix)_no_data"] }

        init(_ strings: Strings = .english, subject: Subject = .customer) {
            self.strings = strings
            self.subject = subject
        }
    }

    var years: [Year]
    /// The currency of the revenue, e.g. `EUR`; empty prints bare numbers.
    var currency: String
    var labels: Labels

    init(years: [Year], currency: String = "", labels: Labels = Labels()) {
        self.years = years
        self.currency = currency
        self.labels = labels
    }

    private static let width = 720.0
    private static let height = 310.0
    private static let left = 78.0, right = 648.0, top = 42.0, bottom = 232.0

    /// The years in order, oldest first; non-finite figures count as missing.
    private var sortedYears: [Year] {
        years.enumerated()
            .sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }
            .map { entry in
                Year(year: entry.element.year,
                     revenue: entry.element.revenue.flatMap { $0.isFinite ? $0 : nil },
                     margin: entry.element.margin.flatMap { $0.isFinite ? $0 : nil })
            }
    }

    /// The complete `<svg>` element; `id` prefixes every id in it, so give each chart on a page its own.
    func svg(id: String) -> String {
        let id = SVG.identifier(id)
        let years = sortedYears
        let revenues = years.compactMap(\.revenue)
        let margins = years.compactMap(\.margin)
        guard !revenues.isEmpty || !margins.isEmpty else {
            return SVG.empty(id: id, kind: "revenue", title: labels.title, message: labels.noData)
        }
        let revenueTicks = LinearScale.ticks(covering: min(0, revenues.min() ?? 0), max(0, revenues.max() ?? 1), count: 4)
        let marginTicks = LinearScale.ticks(covering: min(0, margins.min() ?? 0), max(0, margins.max() ?? 0.1), count: 4)
        let revenueScale = LinearScale(lower: revenueTicks.first ?? 0, upper: revenueTicks.last ?? 1, from: Self.bottom, to: Self.top)
        let marginScale = LinearScale(lower: marginTicks.first ?? 0, upper: marginTicks.last ?? 1, from: Self.bottom, to: Self.top)
        let band = (Self.right - Self.left) / Double(years.count)
        let barWidth = min(64, band * 0.6)
        func centre(_ index: Int) -> Double { Self.left + band * (Double(index) + 0.5) }

        var body: [String] = []
        body.append(contentsOf: legend())
        // Grid and axes.
        let gridTicks = revenues.isEmpty ? marginTicks : revenueTicks
        let gridScale = revenues.isEmpty ? marginScale : revenueScale
        for tick in gridTicks {
            body.append(SVG.line(x1: Self.left, y1: gridScale(tick), x2: Self.right, y2: gridScale(tick), stroke: SVG.grid))
        }
        if !revenues.isEmpty {
            for tick in revenueTicks {
                body.append(SVG.text(labels.numbers.compact(tick), x: Self.left - 8, y: revenueScale(tick) + 4, anchor: "end", size: 11, fill: SVG.muted))
            }
        }
        if !margins.isEmpty {
            body.append(SVG.line(x1: Self.right, y1: Self.top, x2: Self.right, y2: Self.bottom, stroke: SVG.muted))
            for tick in marginTicks {
                let y = marginScale(tick)
                body.append(SVG.line(x1: Self.right, y1: y, x2: Self.right + 4, y2: y, stroke: SVG.muted))
                body.append(SVG.text(labels.numbers.percent(tick), x: Self.right + 8, y: y + 4, size: 11, fill: SVG.muted))
            }
            if (marginTicks.first ?? 0) < 0 {
                let zero = marginScale(0)
                body.append(SVG.line(x1: Self.left, y1: zero, x2: Self.right, y2: zero, stroke: SVG.muted, attributes: "stroke-dasharray=\"2 3\""))
            }
        }
        // Revenue bars.
        for (index, year) in years.enumerated() {
            guard let revenue = year.revenue else { continue }
            let top = revenueScale(max(0, revenue)), base = revenueScale(min(0, revenue))
            body.append(SVG.rect(
                x: centre(index) - barWidth / 2, y: top, width: barWidth, height: max(0.5, base - top),
                attributes: "fill=\"#b9cde6\" stroke=\"\(SVG.accent)\" stroke-width=\"1.2\""))
        }
        let zero = revenues.isEmpty ? Self.bottom : revenueScale(0)
        body.append(SVG.line(x1: Self.left, y1: zero, x2: Self.right, y2: zero, stroke: SVG.ink))
        // Margin line, broken where a year has no margin.
        var segments: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        for (index, year) in years.enumerated() {
            if let margin = year.margin {
                current.append((centre(index), marginScale(margin)))
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        for segment in segments where segment.count > 1 {
            let path = segment.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVG.number($0.element.0)) \(SVG.number($0.element.1))" }.joined(separator: " ")
            body.append("<path d=\"\(path)\" fill=\"none\" stroke=\"\(SVG.ink)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>")
        }
        for (x, y) in segments.joined() {
            body.append("<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"\(SVG.ink)\" stroke-width=\"2\"/>")
        }
        // The table under the years.
        body.append(SVG.text(labels.revenueRow, x: Self.left - 8, y: Self.bottom + 37, anchor: "end", size: 11, fill: SVG.muted))
        body.append(SVG.text(labels.marginRow, x: Self.left - 8, y: Self.bottom + 54, anchor: "end", size: 11, fill: SVG.muted))
        for (index, year) in years.enumerated() {
            let x = centre(index)
            body.append(SVG.text(String(year.year), x: x, y: Self.bottom + 18, anchor: "middle", size: 12, weight: "bold"))
            body.append(SVG.text(year.revenue.map(labels.numbers.compact) ?? labels.notAvailable, x: x, y: Self.bottom + 37, anchor: "middle", size: 11,
                                 fill: year.revenue == nil ? SVG.muted : SVG.ink))
            body.append(SVG.text(year.margin.map(labels.numbers.percent) ?? labels.notAvailable, x: x, y: Self.bottom + 54, anchor: "middle", size: 11,
                                 fill: year.margin == nil ? SVG.muted : SVG.ink))
        }
        return SVG.document(
            id: id, kind: "revenue", width: Self.width, height: Self.height, title: labels.title,
            desc: description(years), body: body)
    }

    private func legend() -> [String] {
        let revenue = currency.isEmpty ? labels.revenueBare : Strings.fill(labels.revenueLegend, ["currency": currency])
        let x = Self.left
        let second = x + 20 + SVG.estimatedWidth(revenue, size: 12) + 28
        return [
            SVG.rect(x: x, y: 8, width: 12, height: 12, attributes: "fill=\"#b9cde6\" stroke=\"\(SVG.accent)\" stroke-width=\"1.2\""),
            SVG.text(revenue, x: x + 18, y: 18, size: 12),
            SVG.line(x1: second, y1: 14, x2: second + 24, y2: 14, stroke: SVG.ink, width: 2),
            "<circle cx=\"\(SVG.number(second + 12))\" cy=\"14.0\" r=\"4.0\" fill=\"#ffffff\" stroke=\"\(SVG.ink)\" stroke-width=\"2\"/>",
            SVG.text(labels.marginLegend, x: second + 30, y: 18, size: 12),
        ]
    }

    private func description(_ years: [Year]) -> String {
        let first = years.first?.year ?? 0, last = years.last?.year ?? 0
        let span = first == last ? String(first) : Strings.fill(labels.yearRange, ["first": String(first), "last": String(last)])
        var sentences = [Strings.fill(labels.summary, ["years": span])]
        for year in years {
            sentences.append(Strings.fill(labels.yearLine, [
                "year": String(year.year),
                "revenue": year.revenue.map { labels.numbers.money($0, currency: currency) } ?? labels.notAvailable,
                "margin": year.margin.map(labels.numbers.percent) ?? labels.notAvailable,
            ]))
        }
        return sentences.joined(separator: " ")
    }
}
