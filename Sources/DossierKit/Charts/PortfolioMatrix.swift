import Foundation

/// The portfolio matrix: customer attractiveness (vertical) against our relative strength
/// (horizontal), one marker per account, its area proportional to the account's wallet total, its
/// colour and shape telling the stage, and each a link to the account's report.
///
/// The four quadrants are strategic (high attractiveness, high strength: invest), star (high, low:
/// build our position), status (low, high: maintain efficiently) and streamline (low, low: serve at
/// low cost). A score counts as high when it is at least `split` (3 by default). Accounts on the
/// same scores are spread on a small ring around their spot, in name order, so none hides another.
///
/// Above `densityThreshold` accounts, markers would cover each other: the matrix then draws each cell
/// of scores as a shaded box with its number of accounts (a link to the list of them, `cellURLs`), and
/// markers and names only for the `markedAccounts` largest wallets.
struct PortfolioMatrix: Sendable, Equatable {
    /// Above this many accounts the matrix draws counts per cell instead of one marker per account.
    static let densityThreshold = 60
    /// How many accounts, the largest by wallet total, keep a marker and a name above the threshold.
    static let markedAccounts = 20

    /// One cell of the matrix: a pair of scores, each clamped to 1-5 as drawn.
    struct Cell: Sendable, Hashable, Comparable {
        var attractiveness: Int
        var strength: Int

        init(attractiveness: Int, strength: Int) {
            self.attractiveness = min(5, max(1, attractiveness))
            self.strength = min(5, max(1, strength))
        }

        static func < (lhs: Cell, rhs: Cell) -> Bool {
            (-lhs.attractiveness, lhs.strength) < (-rhs.attractiveness, rhs.strength)
        }
    }

    /// One assessed account.
    struct Point: Sendable, Equatable {
        var name: String
        /// The link to the account's report, relative to the page the chart is on.
        var url: String
        var stage: Stage
        /// 1-5; values outside are drawn at the nearest end.
        var attractiveness: Int
        /// 1-5; values outside are drawn at the nearest end.
        var strength: Int
        /// The customer's total spend in our category; nil when unknown.
        var wallet: Double?

        init(name: String, url: String, stage: Stage, attractiveness: Int, strength: Int, wallet: Double?) {
            self.name = name
            self.url = url
            self.stage = stage
            self.attractiveness = attractiveness
            self.strength = strength
            self.wallet = wallet
        }
    }

    /// The four quadrants of the matrix.
    enum Quadrant: String, CaseIterable, Sendable {
        /// High attractiveness, high strength: invest.
        case strategic
        /// High attractiveness, low strength: build our position.
        case star
        /// Low attractiveness, high strength: maintain efficiently.
        case status
        /// Low attractiveness, low strength: serve at low cost.
        case streamline
    }

    /// Every word the chart shows or says. `{…}` are placeholders filled by the chart.
    struct Labels: Sendable, Equatable {
        /// The words of the site's language, from the strings file.
        var strings: Strings
        /// How numbers and money are written.
        var numbers: Format { Format(strings) }
        var title: String { strings["chart_matrix_title"] }
        var attractiveness: String { strings["chart_matrix_attractiveness"] }
        var strength: String { strings["chart_matrix_strength"] }
        var strategic: String { strings["chart_matrix_strategic"] }
        var strategicAction: String { strings["chart_matrix_strategic_action"] }
        var star: String { strings["chart_matrix_star"] }
        var starAction: String { strings["chart_matrix_star_action"] }
        var status: String { strings["chart_matrix_status"] }
        var statusAction: String { strings["chart_matrix_status_action"] }
        var streamline: String { strings["chart_matrix_streamline"] }
        var streamlineAction: String { strings["chart_matrix_streamline_action"] }
        /// `{wallet}`: the largest wallet total.
        var sizeLegend: String { strings["chart_matrix_size_legend"] }
        var walletUnknown: String { strings["chart_matrix_wallet_unknown"] }
        var unknown: String { strings["chart_unknown"] }
        var noData: String { strings["chart_matrix_no_data"] }
        var oneAccount: String { strings["chart_accounts_one"] }
        /// `{count}`.
        var accounts: String { strings["chart_accounts_other"] }
        /// `{accounts}`, `{split}`.
        var summary: String { strings["chart_matrix_summary"] }
        /// `{quadrant}`, `{action}`, `{accounts}` (the names, or `none`).
        var quadrantLine: String { strings["chart_matrix_quadrant_line"] }
        /// `{name}`, `{stage}`, `{attractiveness}`, `{strength}`, `{wallet}`.
        var point: String { strings["chart_matrix_point"] }
        var none: String { strings["chart_none"] }

        init(_ strings: Strings = .english) {
            self.strings = strings
        }

        /// The name of a quadrant and what to do with its accounts.
        func name(of quadrant: Quadrant) -> (name: String, action: String) {
            switch quadrant {
            case .strategic: (strategic, strategicAction)
            case .star: (star, starAction)
            case .status: (status, statusAction)
            case .streamline: (streamline, streamlineAction)
            }
        }

        func stageName(_ stage: Stage) -> String { strings.name(of: stage) }
    }

    /// Where one account is drawn (internal, for the chart and its tests).
    struct Placement: Equatable {
        var point: Point
        var x: Double
        var y: Double
        /// The marker's area in square user units.
        var area: Double
        var quadrant: Quadrant
        var walletKnown: Bool
    }

    /// The plot's geometry (internal, for the chart and its tests).
    struct Frame: Equatable {
        var left = 64.0, right = 700.0, top = 16.0, bottom = 456.0
        /// Where the split lines are drawn.
        var splitX: Double
        var splitY: Double
    }

    var points: [Point]
    /// Scores at or above this count as high.
    var split: Double
    /// The currency of the wallet totals, e.g. `EUR`; empty prints bare numbers.
    var currency: String
    var labels: Labels
    /// Above the threshold, the link of each cell to the list of its accounts, relative to the page.
    var cellURLs: [Cell: String]

    init(points: [Point], split: Double = 3, currency: String = "", labels: Labels = Labels(), cellURLs: [Cell: String] = [:]) {
        self.points = points
        self.split = split
        self.currency = currency
        self.labels = labels
        self.cellURLs = cellURLs
    }

    /// Whether a matrix of `count` accounts draws counts per cell (above `densityThreshold`).
    static func drawsDensity(accounts count: Int) -> Bool { count > densityThreshold }

    /// The quadrant of an account with these scores: a score counts as high when it is at least `split`.
    static func quadrant(attractiveness: Int, strength: Int, split: Double = 3) -> Quadrant {
        let split = split.isFinite ? split : 3
        switch (Double(attractiveness) >= split, Double(strength) >= split) {
        case (true, true): return .strategic
        case (true, false): return .star
        case (false, true): return .status
        case (false, false): return .streamline
        }
    }

    private static let width = 720.0
    private static let height = 594.0
    private static let largestArea = Double.pi * 28 * 28
    private static let smallestArea = Double.pi * 4.5 * 4.5
    private static let unknownArea = Double.pi * 7 * 7

    private var xScale: LinearScale { Self.xScale(Frame(splitX: 0, splitY: 0)) }
    private var yScale: LinearScale { Self.yScale(Frame(splitX: 0, splitY: 0)) }

    private static func xScale(_ frame: Frame) -> LinearScale {
        LinearScale(lower: 0.5, upper: 5.5, from: frame.left, to: frame.right)
    }

    /// The vertical axis leaves more room above 5 and below 1 than the horizontal one, for the
    /// quadrant names in the corners.
    private static func yScale(_ frame: Frame) -> LinearScale {
        LinearScale(lower: 0.2, upper: 5.8, from: frame.bottom, to: frame.top)
    }

    /// The plot's geometry. Scores are whole numbers, so the split lines sit half a point below the
    /// lowest high score: at 2.5 for a split of 3.
    var frame: Frame {
        let split = self.split.isFinite ? self.split : 3
        let line = min(5.5, max(0.5, split.rounded(.up) - 0.5))
        var frame = Frame(splitX: 0, splitY: 0)
        frame.splitX = Self.xScale(frame)(line)
        frame.splitY = Self.yScale(frame)(line)
        return frame
    }

    /// Every account's marker, in drawing order: largest first, so smaller ones stay on top.
    func placements() -> [Placement] {
        let sorted = points.sorted(by: Self.nameOrder)
        let wallets = sorted.compactMap(\.wallet).filter { $0.isFinite && $0 >= 0 }
        let largest = wallets.max() ?? 0
        let cells = Dictionary(grouping: sorted.indices) { index in
            Self.clamped(sorted[index].attractiveness) * 10 + Self.clamped(sorted[index].strength)
        }
        var placements: [Placement] = []
        for (index, point) in sorted.enumerated() {
            let known = point.wallet.map { $0.isFinite && $0 >= 0 } ?? false
            var area = Self.unknownArea
            if known, let wallet = point.wallet {
                area = largest > 0 ? max(Self.smallestArea, Self.largestArea * wallet / largest) : Self.smallestArea
            }
            var x = xScale(Double(Self.clamped(point.strength)))
            var y = yScale(Double(Self.clamped(point.attractiveness)))
            let cell = cells[Self.clamped(point.attractiveness) * 10 + Self.clamped(point.strength)] ?? [index]
            if cell.count > 1, let rank = cell.firstIndex(of: index) {
                let ring = min(40, 8 + 3 * Double(cell.count) + 0.8 * Self.largestHalfWidth(in: cell, of: sorted, largest: largest))
                let angle = Double.pi + 2 * Double.pi * Double(rank) / Double(cell.count)
                x += ring * cos(angle)
                y += ring * sin(angle)
            }
            let quadrant = Self.quadrant(attractiveness: point.attractiveness, strength: point.strength, split: split)
            placements.append(Placement(point: point, x: x, y: y, area: area, quadrant: quadrant, walletKnown: known))
        }
        return placements.sorted { lhs, rhs in
            if lhs.area != rhs.area { return lhs.area > rhs.area }
            if lhs.point != rhs.point { return Self.nameOrder(lhs.point, rhs.point) }
            return (lhs.x, lhs.y) < (rhs.x, rhs.y)
        }
    }

    /// The complete `<svg>` element; `id` prefixes every id in it, so give each chart on a page its own.
    func svg(id: String) -> String {
        let id = SVG.identifier(id)
        guard !points.isEmpty else {
            return SVG.empty(id: id, kind: "matrix", title: labels.title, message: labels.noData)
        }
        if Self.drawsDensity(accounts: points.count) { return densitySVG(id: id) }
        let frame = self.frame
        let placements = placements()
        var body: [String] = []
        body.append(contentsOf: background(frame))
        body.append(contentsOf: quadrantNames(frame))
        body.append(contentsOf: axes(frame))
        let positions = labelPositions(placements, frame: frame)
        for (index, placement) in placements.enumerated() {
            body.append(contentsOf: marker(placement, label: positions[index], frame: frame))
        }
        body.append(contentsOf: legend(frame, placements: placements))
        return SVG.document(
            id: id, kind: "matrix", width: Self.width, height: Self.height,
            title: labels.title, desc: description(placements), isInteractive: true, body: body)
    }

    // MARK: - Parts

    private func background(_ frame: Frame) -> [String] {
        var parts: [String] = [
            SVG.rect(x: frame.left, y: frame.top, width: frame.right - frame.left, height: frame.bottom - frame.top,
                     attributes: "fill=\"#fbfcfd\" stroke=\"\(SVG.line)\""),
        ]
        for score in 1...5 {
            let x = xScale(Double(score)), y = yScale(Double(score))
            parts.append(SVG.line(x1: x, y1: frame.top, x2: x, y2: frame.bottom, stroke: SVG.grid))
            parts.append(SVG.line(x1: frame.left, y1: y, x2: frame.right, y2: y, stroke: SVG.grid))
        }
        let dashed = "stroke-dasharray=\"6 4\""
        if frame.splitX > frame.left, frame.splitX < frame.right {
            parts.append(SVG.line(x1: frame.splitX, y1: frame.top, x2: frame.splitX, y2: frame.bottom, stroke: "#7c8597", width: 1.5, attributes: dashed))
        }
        if frame.splitY > frame.top, frame.splitY < frame.bottom {
            parts.append(SVG.line(x1: frame.left, y1: frame.splitY, x2: frame.right, y2: frame.splitY, stroke: "#7c8597", width: 1.5, attributes: dashed))
        }
        return parts
    }

    /// The name of each quadrant and what to do, in its outer corner.
    private func quadrantNames(_ frame: Frame) -> [String] {
        var parts: [String] = []
        let corners: [(Quadrant, ClosedRange<Double>, ClosedRange<Double>, Bool, Bool)] = [
            (.star, frame.left...frame.splitX, frame.top...frame.splitY, true, true),
            (.strategic, frame.splitX...frame.right, frame.top...frame.splitY, false, true),
            (.streamline, frame.left...frame.splitX, frame.splitY...frame.bottom, true, false),
            (.status, frame.splitX...frame.right, frame.splitY...frame.bottom, false, false),
        ]
        for (quadrant, xs, ys, isLeft, isTop) in corners {
            let (name, action) = labels.name(of: quadrant)
            let needed = max(SVG.estimatedWidth(name, size: 13), SVG.estimatedWidth(action, size: 11)) + 16
            guard xs.upperBound - xs.lowerBound >= needed, ys.upperBound - ys.lowerBound >= 40 else { continue }
            let x = isLeft ? xs.lowerBound + 10 : xs.upperBound - 10
            let anchor = isLeft ? "start" : "end"
            let nameY = isTop ? ys.lowerBound + 20 : ys.upperBound - 24
            parts.append(SVG.text(name, x: x, y: nameY, anchor: anchor, size: 13, weight: "bold", fill: "#3d4555",
                                  attributes: "class=\"quadrant quadrant-\(quadrant.rawValue)\""))
            parts.append(SVG.text(action, x: x, y: nameY + 15, anchor: anchor, size: 11, fill: SVG.muted, attributes: "font-style=\"italic\""))
        }
        return parts
    }

    private func axes(_ frame: Frame) -> [String] {
        var parts: [String] = []
        for score in 1...5 {
            parts.append(SVG.text(String(score), x: xScale(Double(score)), y: frame.bottom + 17, anchor: "middle", size: 11, fill: SVG.muted))
            parts.append(SVG.text(String(score), x: frame.left - 8, y: yScale(Double(score)) + 4, anchor: "end", size: 11, fill: SVG.muted))
        }
        parts.append(SVG.text(labels.strength + " →", x: (frame.left + frame.right) / 2, y: frame.bottom + 38, anchor: "middle", size: 12, weight: "bold"))
        let middle = (frame.top + frame.bottom) / 2
        parts.append(SVG.text(labels.attractiveness + " →", x: 0, y: 0, anchor: "middle", size: 12, weight: "bold",
                              attributes: "transform=\"translate(24 \(SVG.number(middle))) rotate(-90)\""))
        return parts
    }

    /// Where a name label stands: its anchor point and text anchor.
    struct LabelPosition: Equatable {
        var x: Double
        var y: Double
        var anchor: String
    }

    /// Places each name beside its marker where it overlaps no other name or marker: right, left,
    /// above, then below. A name that fits nowhere is left out; the marker's tooltip and the
    /// chart's description still name it.
    func labelPositions(_ placements: [Placement], frame: Frame) -> [LabelPosition?] {
        labelPositions(placements, frame: frame, obstacles: [])
    }

    /// `labelPositions(_:frame:)`, also keeping names off `obstacles` (the counts of the cells).
    private func labelPositions(_ placements: [Placement], frame: Frame, obstacles: [Box]) -> [LabelPosition?] {
        var markers = BoxIndex()
        for box in obstacles { markers.insert(box, id: -1) }
        for (index, placement) in placements.enumerated() {
            let half = StageMarker(stage: placement.point.stage).halfWidth(area: placement.area)
            markers.insert(Box(left: placement.x - half, top: placement.y - half, right: placement.x + half, bottom: placement.y + half), id: index)
        }
        var taken = BoxIndex()
        return placements.enumerated().map { index, placement in
            let name = SVG.truncated(placement.point.name, to: 24)
            let width = SVG.estimatedWidth(name, size: 11)
            let half = StageMarker(stage: placement.point.stage).halfWidth(area: placement.area)
            let reach = half + 4
            let candidates: [LabelPosition] = [
                LabelPosition(x: placement.x + reach, y: placement.y + 4, anchor: "start"),
                LabelPosition(x: placement.x - reach, y: placement.y + 4, anchor: "end"),
                LabelPosition(x: placement.x, y: placement.y - reach - 3, anchor: "middle"),
                LabelPosition(x: placement.x, y: placement.y + reach + 11, anchor: "middle"),
            ]
            for candidate in candidates {
                let left = candidate.anchor == "start" ? candidate.x : candidate.anchor == "end" ? candidate.x - width : candidate.x - width / 2
                let box = Box(left: left, top: candidate.y - 10, right: left + width, bottom: candidate.y + 3)
                guard box.left >= frame.left + 2, box.right <= frame.right - 2, box.top >= frame.top + 2, box.bottom <= frame.bottom - 2 else { continue }
                guard !taken.hasOverlap(with: box, except: nil), !markers.hasOverlap(with: box, except: index) else { continue }
                taken.insert(box, id: index)
                return candidate
            }
            return nil
        }
    }

    private func marker(_ placement: Placement, label position: LabelPosition?, frame: Frame) -> [String] {
        let point = placement.point
        let style = StageMarker(stage: point.stage)
        let paint = placement.walletKnown
            ? "fill=\"\(style.color)\" fill-opacity=\"0.72\" stroke=\"\(style.color)\" stroke-width=\"1.5\""
            : "fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"\(style.color)\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""
        var parts = ["<a href=\"\(SVG.escape(Self.safeURL(point.url)))\" class=\"account account-\(point.stage.rawValue)\">"]
        parts.append("<title>\(SVG.escape(sentence(placement)))</title>")
        parts.append(style.element(x: placement.x, y: placement.y, area: placement.area, attributes: paint))
        if let position {
            // A white halo under the name keeps it legible over grid lines and markers: a stroked copy
            // drawn first (hidden from assistive technology), since neither `style` (the pages' CSP) nor
            // `paint-order` (not valid HTML) can put the stroke behind the fill of one text.
            let name = SVG.truncated(point.name, to: 24)
            parts.append(SVG.text(
                name, x: position.x, y: position.y, anchor: position.anchor, size: 11, fill: "#ffffff",
                attributes: "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" aria-hidden=\"true\""))
            parts.append(SVG.text(name, x: position.x, y: position.y, anchor: position.anchor, size: 11))
        }
        parts.append("</a>")
        return [parts.joined()]
    }

    private func legend(_ frame: Frame, placements: [Placement], density: Bool = false) -> [String] {
        var parts: [String] = []
        let top = frame.bottom + 66
        for (index, stage) in Stage.allCases.enumerated() {
            let x = frame.left + Double(index % 3) * 140
            let y = top + Double(index / 3) * 24
            let style = StageMarker(stage: stage)
            parts.append(style.legendElement(x: x + 7, y: y - 4))
            parts.append(SVG.text(labels.stageName(stage), x: x + 20, y: y, size: 11.5))
        }
        var x = frame.left
        let y = top + 48
        let largest = placements.filter(\.walletKnown).compactMap(\.point.wallet).max()
        if let largest {
            let text = Strings.fill(labels.sizeLegend, ["wallet": labels.numbers.money(largest, currency: currency)])
            parts.append("<circle cx=\"\(SVG.number(x + 7))\" cy=\"\(SVG.number(y - 4))\" r=\"7.0\" fill=\"\(SVG.muted)\" fill-opacity=\"0.5\" stroke=\"\(SVG.muted)\"/>")
            parts.append(SVG.text(text, x: x + 20, y: y, size: 11.5))
            x += 20 + SVG.estimatedWidth(text, size: 11.5) + 24
        }
        if placements.contains(where: { !$0.walletKnown }) {
            parts.append("<circle cx=\"\(SVG.number(x + 7))\" cy=\"\(SVG.number(y - 4))\" r=\"7.0\" fill=\"#ffffff\" stroke=\"\(SVG.muted)\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>")
            parts.append(SVG.text(labels.walletUnknown, x: x + 20, y: y, size: 11.5))
        }
        if density {
            let text = Strings.fill(labels.strings["chart_matrix_density_legend"], ["count": String(Self.markedAccounts)])
            parts.append(SVG.rect(x: frame.left, y: y + 10, width: 14, height: 14, attributes: "fill=\"\(Self.densityColor)\" fill-opacity=\"0.35\" stroke=\"\(SVG.line)\""))
            parts.append(SVG.text(text, x: frame.left + 20, y: y + 22, size: 11.5))
        }
        return parts
    }

    /// The data in words: how many accounts, which quadrant each is in, and each account's scores.
    private func description(_ placements: [Placement]) -> String {
        let byName = placements.sorted { Self.nameOrder($0.point, $1.point) }
        let count = byName.count == 1 ? labels.oneAccount : Strings.fill(labels.accounts, ["count": String(byName.count)])
        let splitText = split.isFinite && split == split.rounded() && abs(split) < 1e6
            ? String(Int(split)) : String(format: "%.1f", split.isFinite ? split : 3)
        var sentences = [Strings.fill(labels.summary, ["accounts": count, "split": splitText])]
        for quadrant in Quadrant.allCases {
            let (name, action) = labels.name(of: quadrant)
            let members = byName.filter { $0.quadrant == quadrant }.map(\.point.name)
            sentences.append(Strings.fill(labels.quadrantLine, ["quadrant": name, "action": action, "accounts": SVG.list(members, none: labels.none)]))
        }
        sentences.append(byName.map(sentence).joined(separator: "; ") + ".")
        return sentences.joined(separator: " ")
    }

    /// One account in words, for the description and the marker's tooltip.
    private func sentence(_ placement: Placement) -> String {
        let point = placement.point
        let wallet = placement.walletKnown ? point.wallet.map { labels.numbers.money($0, currency: currency) } : nil
        return Strings.fill(labels.point, [
            "name": point.name, "stage": labels.stageName(point.stage),
            "attractiveness": String(point.attractiveness), "strength": String(point.strength),
            "wallet": wallet ?? labels.unknown,
        ])
    }

    // MARK: - Above the threshold: counts per cell

    /// The shade of the cells (the darker, the more accounts).
    private static let densityColor = "#1f5fa8"
    /// The largest marker above the threshold: smaller, so the counts stay readable.
    private static let densityLargestArea = Double.pi * 12 * 12

    /// How many accounts each cell holds (cells without any are left out).
    func cellCounts() -> [Cell: Int] {
        points.reduce(into: [:]) { counts, point in
            counts[Cell(attractiveness: point.attractiveness, strength: point.strength), default: 0] += 1
        }
    }

    /// The accounts that keep a marker above the threshold: the `markedAccounts` largest known wallets,
    /// ties by name.
    func markedPoints() -> [Point] {
        let known = points.filter { $0.wallet.map { $0.isFinite && $0 >= 0 } ?? false }
        let sorted = known.sorted { lhs, rhs in
            let (left, right) = (lhs.wallet ?? 0, rhs.wallet ?? 0)
            return left != right ? left > right : Self.nameOrder(lhs, rhs)
        }
        return Array(sorted.prefix(Self.markedAccounts))
    }

    /// Where the marked accounts are drawn: on a ring around their cell's centre, which keeps the count.
    func densityPlacements() -> [Placement] {
        let marked = markedPoints()
        let largest = marked.compactMap(\.wallet).max() ?? 0
        let byCell = Dictionary(grouping: marked.sorted(by: Self.nameOrder)) { Cell(attractiveness: $0.attractiveness, strength: $0.strength) }
        var placements: [Placement] = []
        for (cell, members) in byCell {
            for (rank, point) in members.enumerated() {
                let wallet = point.wallet ?? 0
                let area = largest > 0 ? max(Self.smallestArea, Self.densityLargestArea * wallet / largest) : Self.smallestArea
                let angle = Double.pi + 2 * Double.pi * Double(rank) / Double(members.count)
                let x = xScale(Double(cell.strength)) + 40 * cos(angle)
                let y = yScale(Double(cell.attractiveness)) + 20 * sin(angle)
                let quadrant = Self.quadrant(attractiveness: point.attractiveness, strength: point.strength, split: split)
                placements.append(Placement(point: point, x: x, y: y, area: area, quadrant: quadrant, walletKnown: true))
            }
        }
        return placements.sorted { lhs, rhs in
            if lhs.area != rhs.area { return lhs.area > rhs.area }
            return Self.nameOrder(lhs.point, rhs.point)
        }
    }

    /// The matrix above the threshold: shaded cells with counts, linked to their lists, and the marked accounts.
    private func densitySVG(id: String) -> String {
        let frame = self.frame
        let counts = cellCounts()
        let (fewest, most) = (counts.values.min() ?? 0, counts.values.max() ?? 1)
        let placements = densityPlacements()
        let (width, height) = (xScale(2) - xScale(1), yScale(1) - yScale(2))
        var body = background(frame)
        var countBoxes: [Box] = []
        for cell in counts.keys.sorted() {
            let count = counts[cell] ?? 0
            let (x, y) = (xScale(Double(cell.strength)), yScale(Double(cell.attractiveness)))
            let accounts = count == 1 ? labels.oneAccount : Strings.fill(labels.accounts, ["count": String(count)])
            let title = Strings.fill(labels.strings["chart_matrix_cell"], [
                "accounts": accounts, "attractiveness": String(cell.attractiveness), "strength": String(cell.strength),
            ])
            // From the fewest accounts in a cell (lightest) to the most (darkest).
            let opacity = 0.06 + 0.4 * Double(count - fewest) / Double(max(1, most - fewest))
            var parts = ["<title>\(SVG.escape(title))</title>"]
            parts.append(SVG.rect(x: x - width / 2 + 2, y: y - height / 2 + 2, width: width - 4, height: height - 4,
                                  attributes: "rx=\"4\" fill=\"\(Self.densityColor)\" fill-opacity=\"\(SVG.number(opacity))\""))
            let text = String(count)
            parts.append(SVG.text(text, x: x, y: y + 5, anchor: "middle", size: 14, weight: "bold", fill: "#ffffff",
                                  attributes: "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" aria-hidden=\"true\""))
            parts.append(SVG.text(text, x: x, y: y + 5, anchor: "middle", size: 14, weight: "bold"))
            let half = SVG.estimatedWidth(text, size: 14) / 2 + 2
            countBoxes.append(Box(left: x - half, top: y - 9, right: x + half, bottom: y + 8))
            if let url = cellURLs[cell] {
                body.append("<a href=\"\(SVG.escape(Self.safeURL(url)))\" class=\"cell\">" + parts.joined() + "</a>")
            } else {
                body.append("<g class=\"cell\">" + parts.joined() + "</g>")
            }
        }
        body.append(contentsOf: quadrantNames(frame))
        body.append(contentsOf: axes(frame))
        let positions = labelPositions(placements, frame: frame, obstacles: countBoxes)
        for (index, placement) in placements.enumerated() {
            body.append(contentsOf: marker(placement, label: positions[index], frame: frame))
        }
        body.append(contentsOf: legend(frame, placements: placements, density: true))
        return SVG.document(
            id: id, kind: "matrix", width: Self.width, height: Self.height + 24,
            title: labels.title, desc: densityDescription(counts, placements), isInteractive: true, body: body)
    }

    /// The data in words above the threshold: how many accounts, how many in each quadrant, and the marked ones.
    private func densityDescription(_ counts: [Cell: Int], _ placements: [Placement]) -> String {
        let total = points.count
        let count = total == 1 ? labels.oneAccount : Strings.fill(labels.accounts, ["count": String(total)])
        let splitText = split.isFinite && split == split.rounded() && abs(split) < 1e6
            ? String(Int(split)) : String(format: "%.1f", split.isFinite ? split : 3)
        var sentences = [Strings.fill(labels.summary, ["accounts": count, "split": splitText])]
        for quadrant in Quadrant.allCases {
            let (name, action) = labels.name(of: quadrant)
            let members = points.filter { Self.quadrant(attractiveness: $0.attractiveness, strength: $0.strength, split: split) == quadrant }.count
            let text = members == 1 ? labels.oneAccount : Strings.fill(labels.accounts, ["count": String(members)])
            sentences.append(Strings.fill(labels.quadrantLine, ["quadrant": name, "action": action, "accounts": text]))
        }
        let marked = placements.sorted { ($0.point.wallet ?? 0, $1.point.name) > ($1.point.wallet ?? 0, $0.point.name) }.map(sentence)
        sentences.append(Strings.fill(labels.strings["chart_matrix_largest"], ["accounts": marked.joined(separator: "; ")]))
        return sentences.joined(separator: " ")
    }

    // MARK: - Helpers

    private static func clamped(_ score: Int) -> Int { min(5, max(1, score)) }

    private static func nameOrder(_ lhs: Point, _ rhs: Point) -> Bool {
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        if lhs.url != rhs.url { return lhs.url < rhs.url }
        if lhs.stage != rhs.stage { return lhs.stage < rhs.stage }
        if lhs.attractiveness != rhs.attractiveness { return lhs.attractiveness < rhs.attractiveness }
        if lhs.strength != rhs.strength { return lhs.strength < rhs.strength }
        return (lhs.wallet ?? -1) < (rhs.wallet ?? -1)
    }

    private static func largestHalfWidth(in cell: [Int], of points: [Point], largest: Double) -> Double {
        cell.map { index -> Double in
            guard let wallet = points[index].wallet, wallet.isFinite, wallet >= 0, largest > 0 else {
                return (unknownArea / Double.pi).squareRoot()
            }
            return (max(smallestArea, largestArea * wallet / largest) / Double.pi).squareRoot()
        }.max() ?? 0
    }

    /// The link as given, unless it uses a scheme that runs code (`javascript:`, `vbscript:`,
    /// `data:`): those become `#`.
    static func safeURL(_ url: String) -> String {
        let folded = url.lowercased().filter { !$0.isWhitespace && !$0.isNewline && $0.asciiValue.map { $0 >= 0x20 } ?? true }
        for scheme in ["javascript:", "vbscript:", "data:"] where folded.hasPrefix(scheme) { return "#" }
        return url
    }
}

/// A rectangle on the chart, in SVG units.
private struct Box {
    var left, top, right, bottom: Double

    func overlaps(_ other: Box) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }
}

/// Boxes bucketed by the grid cells they cover, so finding overlaps looks only at near boxes: a
/// matrix of ten thousand accounts is labelled in linear time.
private struct BoxIndex {
    private static let cellSize = 40.0
    private var boxes: [(box: Box, id: Int)] = []
    private var cells: [Int: [Int]] = [:]

    mutating func insert(_ box: Box, id: Int) {
        let position = boxes.count
        boxes.append((box, id))
        for cell in Self.cells(of: box) { cells[cell, default: []].append(position) }
    }

    /// Whether `box` overlaps any box but those inserted with the id `except`.
    func hasOverlap(with box: Box, except: Int?) -> Bool {
        Self.cells(of: box).contains { cell in
            (cells[cell] ?? []).contains { position in boxes[position].id != except && boxes[position].box.overlaps(box) }
        }
    }

    private static func cells(of box: Box) -> [Int] {
        let columns = Int((box.left / cellSize).rounded(.down))...Int((box.right / cellSize).rounded(.down))
        let rows = Int((box.top / cellSize).rounded(.down))...Int((box.bottom / cellSize).rounded(.down))
        return rows.flatMap { row in columns.map { column in row * 100_000 + column } }
    }
}
