import Foundation

/// The commitments we made to one account on a date axis, one row each: the due date (an open
/// diamond), the done date (a dot), a hatched span from due to done for a promise kept late and
/// from due to the as-of day for one still open past its due date, the as-of day as a vertical line,
/// and the status in words at the end of each row.
///
/// Rows go by due date (undated ones last), then as written.
struct CommitmentTimeline: Sendable, Equatable {
    /// One promise.
    struct Item: Sendable, Equatable {
        var promise: String
        var due: Day?
        var done: Day?

        init(promise: String, due: Day?, done: Day?) {
            self.promise = promise
            self.due = due
            self.done = done
        }
    }

    /// Where a promise stands on the as-of day; the same reading as `AccountFigures`.
    enum Status: Sendable, Equatable {
        /// Done on or before its due date.
        case kept
        /// Done after its due date, by `days`.
        case late(days: Int)
        /// Not done, and its due date passed `days` ago.
        case overdue(days: Int)
        /// Not done, due in `days` (0: today).
        case open(days: Int)
        /// Done, but it never had a due date.
        case doneWithoutDueDate
        /// Not done, and it has no due date.
        case openWithoutDueDate
    }

    /// Every word the chart shows or says. `{…}` are placeholders filled by the chart.
    struct Labels: Sendable, Equatable {
        /// The words of the site's language, from the strings file.
        var strings: Strings
        /// How numbers and money are written.
        var numbers: Format { Format(strings) }
        var title: String { strings["chart_timeline_title"] }
        /// `{month}`, `{year}`: an axis tick, `Nov 2026`.
        var monthYear: String { strings["chart_timeline_month_year"] }
        /// `{day}`.
        var asOf: String { strings["chart_timeline_as_of"] }
        // The status at the end of each row.
        var kept: String { strings["chart_timeline_kept"] }
        /// `{days}`.
        var late: String { strings["chart_timeline_late"] }
        /// `{days}`.
        var overdue: String { strings["chart_timeline_overdue"] }
        /// `{days}`.
        var open: String { strings["chart_timeline_open"] }
        var dueToday: String { strings["chart_timeline_due_today"] }
        var doneWithoutDueDate: String { strings["chart_timeline_done_no_due"] }
        var openWithoutDueDate: String { strings["chart_timeline_open_no_due"] }
        // The legend.
        var dueLegend: String { strings["chart_timeline_due_legend"] }
        var doneLegend: String { strings["chart_timeline_done_legend"] }
        var lateLegend: String { strings["chart_timeline_late_legend"] }
        var overdueLegend: String { strings["chart_timeline_overdue_legend"] }
        // The description.
        /// `{count}`, `{day}`, `{kept}`, `{late}`, `{overdue}`, `{open}`.
        var summary: String { strings["chart_timeline_summary"] }
        var oneCommitment: String { strings["chart_commitments_one"] }
        /// `{count}`.
        var commitments: String { strings["chart_commitments_other"] }
        /// `{promise}`, `{due}`, `{done}`, `{status}`.
        var rowDone: String { strings["chart_timeline_row_done"] }
        /// `{promise}`, `{due}`, `{status}`.
        var rowOpen: String { strings["chart_timeline_row_open"] }
        /// `{promise}`, `{done}`.
        var rowDoneWithoutDueDate: String { strings["chart_timeline_row_done_no_due"] }
        /// `{promise}`.
        var rowOpenWithoutDueDate: String { strings["chart_timeline_row_open_no_due"] }
        var noData: String { strings["chart_timeline_no_data"] }

        init(_ strings: Strings = .english) {
            self.strings = strings
        }

        func day(_ day: Day) -> String { numbers.day(day) }

        func span(from start: Day, to end: Day) -> String { numbers.duration(from: start, to: end) }
    }

    var items: [Item]
    var asOf: Day
    var labels: Labels

    init(items: [Item], asOf: Day, labels: Labels = Labels()) {
        self.items = items
        self.asOf = asOf
        self.labels = labels
    }

    /// Where `item` stands on `asOf`.
    static func status(of item: Item, asOf: Day) -> Status {
        switch (item.due, item.done) {
        case let (due?, done?): return done > due ? .late(days: due.days(until: done)) : .kept
        case let (due?, nil): return due < asOf ? .overdue(days: due.days(until: asOf)) : .open(days: asOf.days(until: due))
        case (nil, .some): return .doneWithoutDueDate
        case (nil, nil): return .openWithoutDueDate
        }
    }

    /// The items in row order: by due date, undated last, then as given.
    var rows: [Item] {
        items.enumerated().sorted { lhs, rhs in
            switch (lhs.element.due, rhs.element.due) {
            case let (left?, right?) where left != right: return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    private static let width = 800.0
    private static let plotLeft = 232.0, plotRight = 640.0, statusX = 652.0
    private static let firstRow = 32.0, rowHeight = 30.0

    /// The complete `<svg>` element; `id` prefixes every id in it, so give each chart on a page its own.
    func svg(id: String) -> String {
        let id = SVG.identifier(id)
        let rows = self.rows
        guard !rows.isEmpty else {
            return SVG.empty(id: id, kind: "commitments", title: labels.title, message: labels.noData)
        }
        let scale = dateScale(rows)
        let rowsBottom = Self.firstRow + Self.rowHeight * Double(rows.count)
        let height = rowsBottom + 64
        let late = "\(id)-late", overdue = "\(id)-overdue"
        var body: [String] = []
        for index in rows.indices where index % 2 == 1 {
            let top = Self.firstRow + Self.rowHeight * Double(index)
            body.append(SVG.rect(x: 0, y: top, width: Self.width, height: Self.rowHeight, attributes: "fill=\"\(SVG.wash)\""))
        }
        body.append(contentsOf: monthTicks(scale, bottom: rowsBottom))
        for (index, item) in rows.enumerated() {
            body.append(self.row(item, middle: Self.firstRow + Self.rowHeight * (Double(index) + 0.5), scale: scale, late: late, overdue: overdue))
        }
        let asOfX = scale(Double(asOf.epochDay))
        body.append(SVG.line(x1: asOfX, y1: Self.firstRow - 8, x2: asOfX, y2: rowsBottom + 4, stroke: SVG.ink, width: 1.5, attributes: "stroke-dasharray=\"5 3\""))
        body.append(SVG.text(Strings.fill(labels.asOf, ["day": labels.day(asOf)]), x: asOfX, y: rowsBottom + 18, anchor: "middle", size: 11, weight: "bold"))
        body.append(contentsOf: legend(y: rowsBottom + 46, late: late, overdue: overdue))
        return SVG.document(
            id: id, kind: "commitments", width: Self.width, height: height, title: labels.title,
            desc: description(rows),
            defs: [
                SVG.hatch(id: late, color: SVG.warn, background: "#fbe9e2", angle: 45, spacing: 5, width: 1.6),
                SVG.hatch(id: overdue, color: SVG.warn, background: "#ffffff", angle: -45, spacing: 4, width: 1.2),
            ],
            body: body)
    }

    // MARK: - Parts

    /// Maps epoch days to x, covering every date drawn with a margin on both sides.
    private func dateScale(_ rows: [Item]) -> LinearScale {
        let days = rows.flatMap { [$0.due, $0.done].compactMap { $0?.epochDay } } + [asOf.epochDay]
        let first = Double(days.min() ?? asOf.epochDay), last = Double(days.max() ?? asOf.epochDay)
        let pad = max(10, (last - first) / 16)
        return LinearScale(lower: first - pad, upper: last + pad, from: Self.plotLeft, to: Self.plotRight)
    }

    /// Month lines with labels on top, every 1, 2, 3, 6 or 12 months so at most five are labelled.
    private func monthTicks(_ scale: LinearScale, bottom: Double) -> [String] {
        let start = Day(epochDay: Int(scale.lower.rounded(.up)))
        let end = Day(epochDay: Int(scale.upper.rounded(.down)))
        let firstMonth = start.year * 12 + start.month - 1 + (start.day == 1 ? 0 : 1)
        let lastMonth = end.year * 12 + end.month - 1
        var parts: [String] = []
        guard lastMonth >= firstMonth else { return parts }
        // Ticks are counted, not listed, and only the drawn months are visited: the work stays the same
        // whatever span the dates cover.
        func firstTick(_ step: Int) -> Int { (firstMonth + step - 1) / step * step }
        func tickCount(_ step: Int) -> Int { firstTick(step) > lastMonth ? 0 : (lastMonth - firstTick(step)) / step + 1 }
        let step = [1, 2, 3, 6, 12, 24, 60, 120].first { tickCount($0) <= 5 } ?? 120 * ((lastMonth - firstMonth) / 600 + 1)
        for month in stride(from: firstTick(step), through: lastMonth, by: step) {
            guard let day = Day(year: month / 12, month: month % 12 + 1, day: 1) else { continue }
            let x = scale(Double(day.epochDay))
            parts.append(SVG.line(x1: x, y1: Self.firstRow - 6, x2: x, y2: bottom, stroke: SVG.line))
            let months = labels.numbers.strings.list("months")
            let name = months.indices.contains(day.month - 1) ? months[day.month - 1] : String(day.month)
            let text = step >= 12 ? String(day.year) : Strings.fill(labels.monthYear, ["month": name, "year": String(day.year)])
            parts.append(SVG.text(text, x: x, y: 16, anchor: "middle", size: 11, fill: SVG.muted))
        }
        return parts
    }

    private func row(_ item: Item, middle: Double, scale: LinearScale, late: String, overdue: String) -> String {
        let status = Self.status(of: item, asOf: asOf)
        let x = { (day: Day) in scale(Double(day.epochDay)) }
        var parts = ["<g class=\"commitment \(Self.className(status))\">"]
        parts.append("<title>\(SVG.escape(sentence(item, status: status)))</title>")
        parts.append(SVG.text(SVG.truncated(item.promise, to: 32), x: 8, y: middle + 4, size: 12))
        parts.append(SVG.line(x1: Self.plotLeft, y1: middle, x2: Self.plotRight, y2: middle, stroke: SVG.grid))
        switch status {
        case .late:
            if let due = item.due, let done = item.done {
                parts.append(SVG.rect(x: x(due), y: middle - 6, width: x(done) - x(due), height: 12,
                                      attributes: "fill=\"url(#\(late))\" stroke=\"\(SVG.warn)\" stroke-width=\"1\""))
            }
        case .overdue:
            if let due = item.due {
                parts.append(SVG.rect(x: x(due), y: middle - 6, width: x(asOf) - x(due), height: 12,
                                      attributes: "fill=\"url(#\(overdue))\" stroke=\"\(SVG.warn)\" stroke-width=\"1\" stroke-dasharray=\"3 2\""))
            }
        case .open:
            if let due = item.due {
                parts.append(SVG.line(x1: x(asOf), y1: middle, x2: x(due), y2: middle, stroke: SVG.muted, width: 1.5, attributes: "stroke-dasharray=\"2 3\""))
            }
        case .kept:
            if let due = item.due, let done = item.done, done != due {
                parts.append(SVG.line(x1: x(done), y1: middle, x2: x(due), y2: middle, stroke: SVG.ok, width: 1.5))
            }
        case .doneWithoutDueDate, .openWithoutDueDate:
            break
        }
        if let due = item.due {
            parts.append(Self.diamond(x: x(due), y: middle))
        }
        if let done = item.done {
            let isLate = if case .late = status { true } else { false }
            parts.append("<circle cx=\"\(SVG.number(x(done)))\" cy=\"\(SVG.number(middle))\" r=\"5.0\" fill=\"\(isLate ? SVG.warn : SVG.ok)\" stroke=\"#ffffff\" stroke-width=\"1\"/>")
        }
        let isBad: Bool
        switch status {
        case .late, .overdue: isBad = true
        default: isBad = false
        }
        let color: String
        switch status {
        case .late, .overdue: color = SVG.warn
        case .kept, .doneWithoutDueDate: color = SVG.ok
        case .open, .openWithoutDueDate: color = SVG.muted
        }
        parts.append(SVG.text(statusText(status, of: item), x: Self.statusX, y: middle + 4, size: 11.5, weight: isBad ? "bold" : nil, fill: color))
        parts.append("</g>")
        return parts.joined()
    }

    private func legend(y: Double, late: String, overdue: String) -> [String] {
        var parts: [String] = []
        var x = 8.0
        parts.append(Self.diamond(x: x + 6, y: y - 4))
        parts.append(SVG.text(labels.dueLegend, x: x + 16, y: y, size: 11))
        x += 26 + SVG.estimatedWidth(labels.dueLegend, size: 11) + 14
        parts.append("<circle cx=\"\(SVG.number(x + 5))\" cy=\"\(SVG.number(y - 4))\" r=\"5.0\" fill=\"\(SVG.ok)\"/>")
        parts.append(SVG.text(labels.doneLegend, x: x + 14, y: y, size: 11))
        x += 24 + SVG.estimatedWidth(labels.doneLegend, size: 11) + 14
        parts.append(SVG.rect(x: x, y: y - 10, width: 24, height: 12, attributes: "fill=\"url(#\(late))\" stroke=\"\(SVG.warn)\" stroke-width=\"1\""))
        parts.append(SVG.text(labels.lateLegend, x: x + 30, y: y, size: 11))
        x += 40 + SVG.estimatedWidth(labels.lateLegend, size: 11) + 14
        parts.append(SVG.rect(x: x, y: y - 10, width: 24, height: 12, attributes: "fill=\"url(#\(overdue))\" stroke=\"\(SVG.warn)\" stroke-width=\"1\" stroke-dasharray=\"3 2\""))
        parts.append(SVG.text(labels.overdueLegend, x: x + 30, y: y, size: 11))
        return parts
    }

    private func description(_ rows: [Item]) -> String {
        let statuses = rows.map { Self.status(of: $0, asOf: asOf) }
        func number(_ test: (Status) -> Bool) -> String { String(statuses.filter(test).count) }
        let count = rows.count == 1 ? labels.oneCommitment : Strings.fill(labels.commitments, ["count": String(rows.count)])
        var sentences = [Strings.fill(labels.summary, [
            "count": count, "day": labels.day(asOf),
            "kept": number { $0 == .kept || $0 == .doneWithoutDueDate },
            "late": number { if case .late = $0 { true } else { false } },
            "overdue": number { if case .overdue = $0 { true } else { false } },
            "open": number { if case .open = $0 { true } else { $0 == .openWithoutDueDate } },
        ])]
        for (item, status) in zip(rows, statuses) {
            sentences.append(sentence(item, status: status))
        }
        return sentences.joined(separator: " ")
    }

    /// One commitment in words, for the description and the row's tooltip.
    private func sentence(_ item: Item, status: Status) -> String {
        let due = item.due.map(labels.day) ?? ""
        let done = item.done.map(labels.day) ?? ""
        switch status {
        case .kept, .late:
            return Strings.fill(labels.rowDone, ["promise": item.promise, "due": due, "done": done, "status": statusText(status, of: item)])
        case .overdue, .open:
            return Strings.fill(labels.rowOpen, ["promise": item.promise, "due": due, "status": statusText(status, of: item)])
        case .doneWithoutDueDate:
            return Strings.fill(labels.rowDoneWithoutDueDate, ["promise": item.promise, "done": done])
        case .openWithoutDueDate:
            return Strings.fill(labels.rowOpenWithoutDueDate, ["promise": item.promise])
        }
    }

    private func statusText(_ status: Status, of item: Item) -> String {
        let due = item.due ?? asOf
        switch status {
        case .kept: return labels.kept
        case .late: return Strings.fill(labels.late, ["days": labels.span(from: due, to: item.done ?? due)])
        case .overdue: return Strings.fill(labels.overdue, ["days": labels.span(from: due, to: asOf)])
        case let .open(days): return days == 0 ? labels.dueToday : Strings.fill(labels.open, ["days": labels.span(from: asOf, to: due)])
        case .doneWithoutDueDate: return labels.doneWithoutDueDate
        case .openWithoutDueDate: return labels.openWithoutDueDate
        }
    }

    private static func className(_ status: Status) -> String {
        switch status {
        case .kept, .doneWithoutDueDate: "commitment-kept"
        case .late: "commitment-late"
        case .overdue: "commitment-overdue"
        case .open, .openWithoutDueDate: "commitment-open"
        }
    }

    /// The open diamond that marks a due date.
    private static func diamond(x: Double, y: Double) -> String {
        let n = SVG.number
        return "<polygon points=\"\(n(x)),\(n(y - 6)) \(n(x + 6)),\(n(y)) \(n(x)),\(n(y + 6)) \(n(x - 6)),\(n(y))\" fill=\"#ffffff\" stroke=\"\(SVG.ink)\" stroke-width=\"1.5\"/>"
    }
}
