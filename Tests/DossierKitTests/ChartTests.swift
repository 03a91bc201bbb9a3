import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierKit

/// An SVG string read back with `XMLParser`: every element in document order with its attributes
/// and its own text, or the parser's error.
final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private(set) var error: Error?
    private var open: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }

    var root: Element? { elements.first }
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    /// The chart's own `<title>` and `<desc>` (the first of each: they come right after `<svg>`).
    var title: String { all("title").first?.text ?? "" }
    var desc: String { all("desc").first?.text ?? "" }
    /// Every text the chart shows, joined by spaces.
    var shownText: String { all("text").map(\.text).joined(separator: " ") }
}

/// What every chart must satisfy: well-formed XML, an image with a title and a description, sized
/// by its viewBox, only ids that start with the prefix (and each once), nothing external.
func expectWellFormedChart(_ svg: String, id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParsedSVG {
    let parsed = ParsedSVG(svg)
    #expect(parsed.error == nil, "not well-formed XML: \(String(describing: parsed.error))", sourceLocation: sourceLocation)
    let root = parsed.root
    #expect(root?.name == "svg", sourceLocation: sourceLocation)
    #expect(root?.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
    // An image, unless it holds links: an image's content is hidden from assistive technology (axe: nested-interactive).
    #expect(root?.attributes["role"] == (parsed.all("a").isEmpty ? "img" : nil), sourceLocation: sourceLocation)
    // Its natural width; the theme scales it down. No style attribute: the pages' CSP allows no inline style.
    let viewBoxWidth = root?.attributes["viewBox"]?.split(separator: " ").dropFirst(2).first.flatMap { Double($0) }
    #expect(root?.attributes["width"] == viewBoxWidth.map { String(Int($0.rounded())) }, sourceLocation: sourceLocation)
    #expect(parsed.elements.allSatisfy { $0.attributes["style"] == nil }, sourceLocation: sourceLocation)
    #expect(root?.attributes["viewBox"]?.hasPrefix("0 0 ") == true, sourceLocation: sourceLocation)
    #expect(root?.attributes["aria-labelledby"] == "\(id)-title", sourceLocation: sourceLocation)
    #expect(root?.attributes["aria-describedby"] == "\(id)-desc", sourceLocation: sourceLocation)
    #expect(!parsed.title.isEmpty, sourceLocation: sourceLocation)
    #expect(!parsed.desc.isEmpty, sourceLocation: sourceLocation)
    let ids = parsed.elements.compactMap { $0.attributes["id"] }
    #expect(ids.allSatisfy { $0 == id || $0.hasPrefix(id + "-") }, "ids without the prefix: \(ids)", sourceLocation: sourceLocation)
    #expect(Set(ids).count == ids.count, "ids used twice: \(ids)", sourceLocation: sourceLocation)
    #expect(!svg.contains("<script"), sourceLocation: sourceLocation)
    #expect(!svg.contains("font-family"), sourceLocation: sourceLocation)
    #expect(!svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), sourceLocation: sourceLocation)
    for reference in parsed.elements.flatMap({ $0.attributes.values }) where reference.hasPrefix("url(#") {
        let target = String(reference.dropFirst(5).dropLast())
        #expect(ids.contains(target), "\(reference) points at nothing", sourceLocation: sourceLocation)
    }
    return parsed
}

private func day(_ text: String) -> Day? { Day(parsing: text) }

@Suite struct ChartTests {
    // MARK: - Shared helpers

    @Test func escapesTheFiveXMLCharactersAndShowsControlCharactersAsReplacements() {
        #expect(SVG.escape("A&B <Co> \"x\" 'y'") == "A&amp;B &lt;Co&gt; &quot;x&quot; &#39;y&#39;")
        #expect(SVG.escape("bell\u{07}\u{0}end\nnext") == "bell\u{FFFD}\u{FFFD}end\nnext")
        #expect(SVG.escape("华信 &") == "华信 &amp;")
    }

    @Test func formatsNumbersWithOneFixedDecimal() {
        #expect(SVG.number(12) == "12.0")
        #expect(SVG.number(-0.04) == "0.0")
        #expect(SVG.number(2.25) == "2.2" || SVG.number(2.25) == "2.3")
        #expect(SVG.number(.nan) == "0.0")
        #expect(SVG.number(1234567.891) == "1234567.9")
    }

    @Test func fillsPlaceholdersOnceWithoutReadingTheValues() {
        #expect(Strings.fill("{a} and {b}", ["a": "{b}", "b": "2"]) == "{b} and 2")
        #expect(Strings.fill("{unknown} {", [:]) == "{unknown} {")
    }

    @Test func reducesIdPrefixesToSafeCharacters() {
        #expect(SVG.identifier("matrix-1") == "matrix-1")
        #expect(SVG.identifier("a b\"<c>") == "a-b--c-")
        #expect(SVG.identifier("") == "chart")
    }

    @Test func makesRoundTicksThatCoverTheValues() {
        #expect(LinearScale.ticks(covering: 0, 1_840_000_000, count: 4) == [0, 5e8, 1e9, 1.5e9, 2e9])
        let margins = LinearScale.ticks(covering: -0.021, 0, count: 4)
        #expect((margins.first ?? 0) <= -0.021 && (margins.last ?? -1) >= 0)
        #expect(LinearScale.ticks(covering: 0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func writesNumbersInTheLanguagesUnitsWithoutTrapping() {
        let english = Format(.english), chinese = Format(.builtin("zh"))
        #expect(english.compact(1_840_000_000) == "1.84 bn")
        #expect(english.compact(62_000_000) == "62 m")
        #expect(english.compact(12_400) == "12.4 k")
        #expect(english.compact(0) == "0")
        #expect(english.money(6_100_000, currency: "EUR") == "EUR 6.1 m")
        #expect(english.money(6_100_000, currency: "") == "6.1 m")
        #expect(english.integer(-1_234_567) == "-1,234,567")
        #expect(english.percent(0.061) == "6.1%" && english.percent(-0.0001) == "0%")
        #expect(chinese.compact(1_840_000_000) == "18.4亿")
        #expect(chinese.compact(62_000_000) == "6,200万")
        #expect(english.compact(1e30) == "1e+21 bn")
        #expect(english.compact(.infinity) == "–" && english.percent(.nan) == "–")
        let labels = WalletShareChart.Labels(.builtin("zh"))
        #expect(WalletShareChart(total: 420_000_000, ours: 61_000_000, currency: "CNY", labels: labels).svg(id: "w").contains("CNY 4.2亿"))
    }

    // MARK: - Portfolio matrix

    static let points: [PortfolioMatrix.Point] = [
        .init(name: "Nordwind Logistik GmbH", url: "accounts/nordwind-logistik/", stage: .mid, attractiveness: 4, strength: 4, wallet: 42_000_000),
        .init(name: "Brightcart Commerce", url: "accounts/brightcart-commerce/", stage: .pre, attractiveness: 5, strength: 1, wallet: 10_500_000),
        .init(name: "Frischmarkt Handel", url: "accounts/frischmarkt-handel/", stage: .uncoupling, attractiveness: 2, strength: 4, wallet: nil),
        .init(name: "Meridian Cold Stores", url: "accounts/meridian-cold-stores/", stage: .early, attractiveness: 1, strength: 2, wallet: 3_000_000),
        .init(name: "Helvetia Pharmalog", url: "accounts/helvetia-pharmalog/", stage: .mid, attractiveness: 4, strength: 4, wallet: 18_000_000),
    ]

    @Test func matrixIsAWellFormedImageThatStatesEachQuadrantInWords() throws {
        let svg = PortfolioMatrix(points: Self.points, currency: "EUR").svg(id: "matrix")
        let parsed = expectWellFormedChart(svg, id: "matrix")
        #expect(parsed.title == "Portfolio matrix")
        #expect(parsed.desc.contains("5 accounts"))
        #expect(parsed.desc.contains("Strategic (invest): Helvetia Pharmalog, Nordwind Logistik GmbH."))
        #expect(parsed.desc.contains("Star (build our position): Brightcart Commerce."))
        #expect(parsed.desc.contains("Status (maintain efficiently): Frischmarkt Handel."))
        #expect(parsed.desc.contains("Streamline (serve at low cost): Meridian Cold Stores."))
        #expect(parsed.desc.contains("Nordwind Logistik GmbH: Mid KAM, attractiveness 4, strength 4, wallet EUR 42 m"))
        #expect(parsed.desc.contains("Frischmarkt Handel: Uncoupling, attractiveness 2, strength 4, wallet unknown"))
        for name in ["Strategic", "Star", "Status", "Streamline", "invest", "build our position", "maintain efficiently", "serve at low cost"] {
            #expect(parsed.shownText.contains(name), "quadrant label \(name) is not shown")
        }
    }

    @Test func matrixLinksEveryAccountOnceToItsReport() {
        let parsed = ParsedSVG(PortfolioMatrix(points: Self.points).svg(id: "m"))
        let links = parsed.all("a").compactMap { $0.attributes["href"] }
        #expect(links.sorted() == Self.points.map(\.url).sorted())
    }

    @Test func matrixPutsHighAttractivenessAndLowStrengthTopLeft() throws {
        let matrix = PortfolioMatrix(points: Self.points)
        let frame = matrix.frame
        let placements = matrix.placements()
        let star = try #require(placements.first { $0.point.name == "Brightcart Commerce" })
        #expect(star.quadrant == .star)
        #expect(star.x > frame.left && star.x < frame.splitX, "strength 1 must be left of the split")
        #expect(star.y > frame.top && star.y < frame.splitY, "attractiveness 5 must be above the split (SVG y grows downwards)")
        let status = try #require(placements.first { $0.point.name == "Frischmarkt Handel" })
        #expect(status.x > frame.splitX && status.y > frame.splitY)
        let streamline = try #require(placements.first { $0.point.name == "Meridian Cold Stores" })
        #expect(streamline.x < frame.splitX && streamline.y > frame.splitY)
    }

    @Test func matrixCountsTheSplitScoreAsHighAndLetsTheCallerMoveIt() throws {
        let point = PortfolioMatrix.Point(name: "Mid", url: "m/", stage: .mid, attractiveness: 3, strength: 3, wallet: 1)
        let atThree = PortfolioMatrix(points: [point])
        let placed = try #require(atThree.placements().first)
        #expect(placed.quadrant == .strategic)
        #expect(placed.x > atThree.frame.splitX && placed.y < atThree.frame.splitY)
        let atFour = PortfolioMatrix(points: [point], split: 4)
        let moved = try #require(atFour.placements().first)
        #expect(moved.quadrant == .streamline)
        #expect(moved.x < atFour.frame.splitX && moved.y > atFour.frame.splitY)
        #expect(PortfolioMatrix.quadrant(attractiveness: 3, strength: 2, split: 2.5) == .star)
        #expect(ParsedSVG(atFour.svg(id: "m")).desc.contains("scores of 4 and above count as high"))
    }

    @Test func matrixSpreadsAccountsWithTheSameScores() {
        let same = (1...4).map { PortfolioMatrix.Point(name: "Account \($0)", url: "a\($0)/", stage: .early, attractiveness: 4, strength: 2, wallet: 5) }
        let placements = PortfolioMatrix(points: same).placements()
        let spots = Set(placements.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" })
        #expect(spots.count == 4, "accounts on the same scores must not be drawn on the same spot")
        let frame = PortfolioMatrix(points: same).frame
        #expect(placements.allSatisfy { $0.x < frame.splitX && $0.y < frame.splitY }, "spreading must not leave the quadrant")
    }

    @Test func matrixSizesMarkersByWalletArea() throws {
        let placements = PortfolioMatrix(points: Self.points).placements()
        let big = try #require(placements.first { $0.point.name == "Nordwind Logistik GmbH" })
        let quarter = try #require(placements.first { $0.point.name == "Brightcart Commerce" })
        let unknown = try #require(placements.first { $0.point.name == "Frischmarkt Handel" })
        #expect(abs(big.area / quarter.area - 4) < 1e-9)
        #expect(!unknown.walletKnown && unknown.area < big.area)
        #expect(placements.first?.point.name == "Nordwind Logistik GmbH", "the largest marker is drawn first, so smaller ones stay visible")
        #expect(StageMarker(stage: .early).element(x: 0, y: 0, area: 100, attributes: "").contains("width=\"10.0\" height=\"10.0\""))
    }

    @Test func matrixGivesEachStageItsOwnShape() {
        let shapes = Stage.allCases.map { StageMarker(stage: $0).shape }
        #expect(Set(shapes.map { "\($0)" }).count == Stage.allCases.count)
        let colors = Stage.allCases.map { StageMarker(stage: $0).color }
        #expect(colors == ["#6b7280", "#2563a8", "#0f766e", "#6d28d9", "#15803d", "#b45309"])
    }

    @Test func matrixEscapesNamesAndLinks() {
        let tricky = PortfolioMatrix.Point(name: "A&B <Co>", url: "accounts/a&b/?q=\"x\"", stage: .mid, attractiveness: 3, strength: 4, wallet: nil)
        let script = PortfolioMatrix.Point(name: "Evil", url: " JavaScript:alert(1)", stage: .pre, attractiveness: 1, strength: 1, wallet: nil)
        let svg = PortfolioMatrix(points: [tricky, script]).svg(id: "m")
        let parsed = expectWellFormedChart(svg, id: "m")
        #expect(svg.contains("A&amp;B &lt;Co&gt;"))
        #expect(!svg.contains("A&B <Co>"))
        #expect(parsed.desc.contains("A&B <Co>"))
        #expect(parsed.shownText.contains("A&B <Co>"))
        let links = parsed.all("a").compactMap { $0.attributes["href"] }
        #expect(links.contains("accounts/a&b/?q=\"x\""))
        #expect(links.contains("#"))
        #expect(!svg.lowercased().contains("javascript"))
    }

    @Test func matrixIsDeterministicWhateverTheInputOrder() {
        let once = PortfolioMatrix(points: Self.points, currency: "EUR").svg(id: "m")
        #expect(once == PortfolioMatrix(points: Self.points, currency: "EUR").svg(id: "m"))
        #expect(once == PortfolioMatrix(points: Self.points.reversed(), currency: "EUR").svg(id: "m"))
    }

    @Test func matrixTakesItsWordsFromTheStringsOfTheLanguage() {
        let parsed = ParsedSVG(PortfolioMatrix(points: Self.points, labels: .init(.builtin("zh"))).svg(id: "m"))
        #expect(parsed.title == "客户组合矩阵")
        #expect(parsed.shownText.contains("战略客户"))
        #expect(parsed.shownText.contains("中期阶段"))
        #expect(parsed.desc.contains("Nordwind Logistik GmbH：中期阶段"))
    }

    @Test func twoChartsOnOnePageShareNoIds() {
        let first = ParsedSVG(CommitmentTimeline(items: Self.commitments, asOf: TestSupport.asOf).svg(id: "one"))
        let second = ParsedSVG(CommitmentTimeline(items: Self.commitments, asOf: TestSupport.asOf).svg(id: "two"))
        let firstIDs = Set(first.elements.compactMap { $0.attributes["id"] })
        let secondIDs = Set(second.elements.compactMap { $0.attributes["id"] })
        #expect(!firstIDs.isEmpty && firstIDs.isDisjoint(with: secondIDs))
    }

    // MARK: - Stage pipeline

    @Test func pipelineShowsEveryStageInOrderWithAccountsAndWallet() throws {
        let rows: [StagePipeline.Row] = [
            .init(stage: .mid, accounts: 3, wallet: 90_000_000),
            .init(stage: .pre, accounts: 1, wallet: 2_000_000),
            .init(stage: .mid, accounts: 1, wallet: 10_000_000),
        ]
        let svg = StagePipeline(rows: rows, currency: "EUR").svg(id: "pipeline")
        let parsed = expectWellFormedChart(svg, id: "pipeline")
        #expect(parsed.title == "Stage pipeline")
        #expect(parsed.desc.contains("Pre-KAM: 1 account, total wallet EUR 2 m."))
        #expect(parsed.desc.contains("Mid KAM: 4 accounts, total wallet EUR 100 m."))
        #expect(parsed.desc.contains("Uncoupling: 0 accounts, total wallet EUR 0."))
        #expect(parsed.desc.contains("In all: 5 accounts, total wallet EUR 102 m."))
        let order = Stage.allCases.map { parsed.desc.range(of: Strings.english["stage_\($0.rawValue)"])?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        let stageGroups = parsed.all("g").filter { $0.attributes["class"]?.hasPrefix("pipeline-stage") == true }
        #expect(stageGroups.count == 6)
        #expect(parsed.shownText.contains("100 m"))
        #expect(svg == StagePipeline(rows: rows, currency: "EUR").svg(id: "pipeline"))
    }

    @Test func pipelineWithoutAccountsSaysNoData() {
        let parsed = expectWellFormedChart(StagePipeline(rows: []).svg(id: "p"), id: "p")
        #expect(parsed.desc.lowercased().contains("no data"))
        #expect(parsed.shownText.lowercased().contains("no data"))
    }

    // MARK: - Revenue

    @Test func revenueChartDrawsBarsAndAMarginLineAndStatesEveryYear() {
        let years: [RevenueChart.Year] = [
            .init(year: 2025, revenue: 1_840_000_000, margin: 0.061),
            .init(year: 2023, revenue: 1_600_000_000, margin: 0.05),
            .init(year: 2024, revenue: 1_720_000_000, margin: 0.055),
        ]
        let svg = RevenueChart(years: years, currency: "EUR").svg(id: "rev")
        let parsed = expectWellFormedChart(svg, id: "rev")
        #expect(parsed.desc.contains("Revenue and operating margin, 2023 to 2025."))
        #expect(parsed.desc.contains("2023: revenue EUR 1.6 bn, operating margin 5%. 2024: revenue EUR 1.72 bn, operating margin 5.5%. 2025: revenue EUR 1.84 bn, operating margin 6.1%."))
        #expect(parsed.all("path").count == 1, "one unbroken margin line")
        #expect(parsed.all("circle").count == 3 + 1, "a marker per year and one in the legend")
        #expect(parsed.shownText.contains("6%") && parsed.shownText.contains("2 bn"), "both axes are labelled")
        #expect(svg == RevenueChart(years: years, currency: "EUR").svg(id: "rev"))
    }

    @Test func revenueChartBreaksTheLineAndSaysNotAvailableForMissingFigures() {
        let years: [RevenueChart.Year] = [
            .init(year: 2022, revenue: 100, margin: 0.1),
            .init(year: 2023, revenue: nil, margin: nil),
            .init(year: 2024, revenue: 120, margin: 0.12),
            .init(year: 2025, revenue: 130, margin: 0.11),
        ]
        let parsed = expectWellFormedChart(RevenueChart(years: years).svg(id: "rev"), id: "rev")
        #expect(parsed.desc.contains("2023: revenue n/a, operating margin n/a."))
        #expect(parsed.all("path").count == 1, "2022 stands alone; 2024-2025 is one line")
        #expect(parsed.all("circle").count == 3 + 1)
        #expect(parsed.all("text").filter { $0.text == "n/a" }.count == 2)
    }

    @Test func revenueChartDrawsASingleYear() {
        let parsed = expectWellFormedChart(
            RevenueChart(years: [.init(year: 2025, revenue: 310_000_000, margin: -0.021)], currency: "CHF").svg(id: "r"), id: "r")
        #expect(parsed.desc.contains("Revenue and operating margin, 2025. 2025: revenue CHF 310 m, operating margin -2.1%."))
        #expect(parsed.all("path").isEmpty)
        #expect(parsed.all("circle").count == 2)
        #expect(parsed.all("rect").count == 2, "one bar and the legend swatch")
    }

    @Test func revenueChartWithoutFiguresSaysNoData() {
        let parsed = expectWellFormedChart(RevenueChart(years: [.init(year: 2025, revenue: nil, margin: nil)]).svg(id: "r"), id: "r")
        #expect(parsed.desc.lowercased().contains("no data"))
        #expect(expectWellFormedChart(RevenueChart(years: []).svg(id: "r"), id: "r").desc.lowercased().contains("no data"))
    }

    // MARK: - Share of wallet

    @Test func walletShareChartPrintsTheShare() {
        let svg = WalletShareChart(total: 42_000_000, ours: 6_100_000, currency: "EUR").svg(id: "wallet")
        let parsed = expectWellFormedChart(svg, id: "wallet")
        #expect(parsed.desc == "We hold EUR 6.1 m of a total wallet of EUR 42 m: 14.5% share of wallet.")
        #expect(parsed.shownText.contains("14.5%"))
        #expect(parsed.shownText.contains("Total wallet: EUR 42 m"))
        #expect(svg.contains("url(#wallet-rest)"), "the rest of the wallet is hatched, not only lighter")
        #expect(svg == WalletShareChart(total: 42_000_000, ours: 6_100_000, currency: "EUR").svg(id: "wallet"))
    }

    @Test func walletShareChartHandlesUnknownAndImpossibleFigures() {
        let unknown = expectWellFormedChart(WalletShareChart(total: 42_000_000, ours: nil, currency: "EUR").svg(id: "w"), id: "w")
        #expect(unknown.desc == "The total wallet is EUR 42 m; our part of it is not known.")
        let larger = expectWellFormedChart(WalletShareChart(total: 10, ours: 12).svg(id: "w"), id: "w")
        #expect(larger.desc.contains("120%") && larger.desc.contains("larger than the total"))
        for total in [nil, 0, -5, Double.nan] as [Double?] {
            let empty = expectWellFormedChart(WalletShareChart(total: total, ours: 1).svg(id: "w"), id: "w")
            #expect(empty.desc.lowercased().contains("no data"))
        }
    }

    // MARK: - Commitments

    static let commitments: [CommitmentTimeline.Item] = [
        .init(promise: "Quarterly business review pack", due: day("2026-09-30"), done: day("2026-10-14")),
        .init(promise: "Deliver the WMS integration pilot in Leipzig", due: day("2026-06-30"), done: day("2026-06-25")),
        .init(promise: "Energy-use report for the Hamburg hub", due: day("2026-10-15"), done: nil),
        .init(promise: "Site survey Vienna & <Graz>", due: day("2027-01-20"), done: nil),
        .init(promise: "Send the reference list", due: nil, done: nil),
    ]

    @Test func timelineReadsEachPromiseTheWayAccountFiguresDoes() throws {
        let asOf = TestSupport.asOf
        let items = Self.commitments
        #expect(CommitmentTimeline.status(of: items[0], asOf: asOf) == .late(days: 14))
        #expect(CommitmentTimeline.status(of: items[1], asOf: asOf) == .kept)
        #expect(CommitmentTimeline.status(of: items[2], asOf: asOf) == .overdue(days: 42))
        #expect(CommitmentTimeline.status(of: items[3], asOf: asOf) == .open(days: 55))
        #expect(CommitmentTimeline.status(of: items[4], asOf: asOf) == .openWithoutDueDate)
        let dueToday = CommitmentTimeline.Item(promise: "x", due: asOf, done: nil)
        #expect(CommitmentTimeline.status(of: dueToday, asOf: asOf) == .open(days: 0))
    }

    @Test func timelineMarksLateAndOverduePromisesInWordsAndPattern() throws {
        let svg = CommitmentTimeline(items: Self.commitments, asOf: TestSupport.asOf).svg(id: "tl")
        let parsed = expectWellFormedChart(svg, id: "tl")
        #expect(parsed.desc.hasPrefix("5 commitments as of 26 Nov 2026: 1 kept on time, 1 delivered late, 1 overdue, 2 open."))
        #expect(parsed.desc.contains("Quarterly business review pack: due 30 Sep 2026, done 14 Oct 2026, late by 14 days."))
        #expect(parsed.desc.contains("Energy-use report for the Hamburg hub: due 15 Oct 2026, not done, overdue by 42 days."))
        let groups = parsed.all("g").filter { $0.attributes["class"]?.hasPrefix("commitment ") == true }
        #expect(groups.count == 5)
        #expect(groups.first?.attributes["class"] == "commitment commitment-kept", "rows go by due date")
        let lateRow = try #require(svg.components(separatedBy: "<g class=\"commitment commitment-late\">").last?.components(separatedBy: "</g>").first)
        #expect(lateRow.contains("url(#tl-late)"), "the late span is hatched")
        #expect(lateRow.contains(">late by 14 days</text>"), "and says late in words")
        let overdueRow = try #require(svg.components(separatedBy: "<g class=\"commitment commitment-overdue\">").last?.components(separatedBy: "</g>").first)
        #expect(overdueRow.contains("url(#tl-overdue)"))
        #expect(overdueRow.contains(">overdue by 42 days</text>"))
        #expect(parsed.shownText.contains("as of 26 Nov 2026"))
        #expect(svg.contains("Site survey Vienna &amp; &lt;Graz&gt;"))
        #expect(svg == CommitmentTimeline(items: Self.commitments, asOf: TestSupport.asOf).svg(id: "tl"))
    }

    @Test func timelineDrawsTheOverdueSpanUpToTheAsOfDay() throws {
        let item = CommitmentTimeline.Item(promise: "Report", due: day("2026-10-15"), done: nil)
        let svg = CommitmentTimeline(items: [item], asOf: TestSupport.asOf).svg(id: "t")
        let parsed = expectWellFormedChart(svg, id: "t")
        let span = try #require(parsed.all("rect").first { $0.attributes["fill"] == "url(#t-overdue)" && $0.attributes["width"] != "24.0" })
        let asOfLine = try #require(parsed.all("line").first { $0.attributes["stroke-dasharray"] == "5 3" })
        let end = (Double(span.attributes["x"] ?? "") ?? 0) + (Double(span.attributes["width"] ?? "") ?? 0)
        #expect(abs(end - (Double(asOfLine.attributes["x1"] ?? "") ?? -1)) < 0.2)
    }

    @Test func timelineWithoutCommitmentsSaysNoData() {
        let parsed = expectWellFormedChart(CommitmentTimeline(items: [], asOf: TestSupport.asOf).svg(id: "t"), id: "t")
        #expect(parsed.desc.lowercased().contains("no data"))
        #expect(parsed.shownText.lowercased().contains("no data"))
    }

    // MARK: - All charts

    @Test func emptyMatrixSaysNoData() {
        let parsed = expectWellFormedChart(PortfolioMatrix(points: []).svg(id: "m"), id: "m")
        #expect(parsed.desc.lowercased().contains("no data"))
        #expect(parsed.all("a").isEmpty)
    }
}

@Suite struct PortfolioMatrixLabelTests {
    @Test func placedNamesNeverOverlapEachOther() {
        let points = (0..<12).map { index in
            PortfolioMatrix.Point(name: "Account number \(index) GmbH", url: "a\(index).html", stage: Stage.allCases[index % 6],
                                  attractiveness: 3 + index % 2, strength: 3, wallet: Double(index + 1) * 1e6)
        }
        let matrix = PortfolioMatrix(points: points)
        let placements = matrix.placements()
        let positions = matrix.labelPositions(placements, frame: matrix.frame)
        #expect(positions.count == points.count)
        #expect(positions.contains { $0 == nil }, "twelve names on two spots cannot all fit")
        let boxes: [(Double, Double, Double, Double)] = zip(placements, positions).compactMap { placement, position in
            guard let position else { return nil }
            let width = SVG.estimatedWidth(SVG.truncated(placement.point.name, to: 24), size: 11)
            let left = position.anchor == "start" ? position.x : position.anchor == "end" ? position.x - width : position.x - width / 2
            return (left, position.y - 10, left + width, position.y + 3)
        }
        #expect(boxes.count >= 2)
        for (i, a) in boxes.enumerated() {
            for b in boxes.dropFirst(i + 1) {
                #expect(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "labels overlap")
            }
        }
    }
}
