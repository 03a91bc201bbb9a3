import Foundation

/// The customer's people as a tree by `reports_to`, drawn as an outline: one row per person, indented
/// under the person they report to, with connectors from each manager down to their reports.
///
/// Each node shows the person's stance as the colour of its dot (green supportive, grey neutral, red
/// opposed, white unknown), their influence as its size (large high, middle medium, small low or
/// unknown), their role as a badge after the name, and our contact on the second line. A person with
/// high influence and no contact on our side stands out: a dashed red box round the row and a red
/// "no contact" in place of our contact.
///
/// One row per person keeps the map readable at any size: 40 people are 40 rows of a fixed width,
/// never a tree too wide to read. Reporting lines are read defensively: a `reports_to` that names
/// nobody, names the person themselves, or closes a cycle makes that person a root (in a cycle, the
/// one written first), so every person appears exactly once. The first person of a name is the one
/// others report to. Every text is escaped; the same people give the same bytes.
struct RelationshipMap: Sendable, Equatable {
    /// Every word the map shows or says. `{…}` are placeholders filled by the map.
    struct Labels: Sendable, Equatable {
        var strings: Strings
        var title: String { strings["chart_map_title"] }
        /// `{name}`.
        var ourContact: String { strings["chart_map_our_contact"] }
        var noContact: String { strings["chart_map_no_contact"] }
        var sizeLegend: String { strings["chart_map_size_legend"] }
        var uncoveredLegend: String { strings["chart_map_uncovered_legend"] }
        var unknownStance: String { strings["chart_map_stance_unknown"] }
        /// `{people}`, `{uncovered}`.
        var summary: String { strings["chart_map_summary"] }
        /// `{names}`.
        var uncovered: String { strings["chart_map_uncovered"] }
        var allCovered: String { strings["chart_map_all_covered"] }
        var noData: String { strings["chart_map_no_data"] }
        func people(_ count: Int) -> String { strings.plural("chart_map_people", count: count) }
        func role(_ role: Stakeholder.Role) -> String { strings["role_\(role.rawValue)"] }
        func stance(_ stance: Stakeholder.Stance) -> String { strings["stance_\(stance.rawValue)"] }
        func level(_ level: Level) -> String { strings[level.stringsKey] }

        init(_ strings: Strings = .english) {
            self.strings = strings
        }
    }

    /// Where one person sits in the outline.
    struct Placement: Sendable, Equatable {
        /// The person's index in `people`.
        var index: Int
        /// The index of the person they report to in `people`; nil for a root.
        var parent: Int?
        /// 0 for a root, 1 for their reports, and so on.
        var depth: Int
        /// The row from the top, 0 first.
        var row: Int
    }

    var people: [Stakeholder]
    var labels: Labels

    init(people: [Stakeholder], labels: Labels = Labels()) {
        self.people = people
        self.labels = labels
    }

    static let width = 720.0
    static let rowHeight = 40.0
    /// Indentation per level, and the deepest level indented further (deeper people line up with it).
    static let indent = 26.0
    static let deepestIndentedLevel = 8

    /// Whether the person has high influence and nobody on our side holds the relationship.
    static func isUncovered(_ person: Stakeholder) -> Bool {
        person.influence == .high && (person.ourContact ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The manager of each person (an index into `people`), with self-references, names that match
    /// nobody and cycles cut: a person in a cycle written before the others of it becomes a root.
    func parents() -> [Int?] {
        var firstIndex: [String: Int] = [:]
        for (index, person) in people.enumerated() where firstIndex[person.name] == nil {
            firstIndex[person.name] = index
        }
        var parent: [Int?] = people.enumerated().map { index, person in
            guard let name = person.reportsTo?.trimmingCharacters(in: .whitespaces), let manager = firstIndex[name], manager != index else { return nil }
            return manager
        }
        // Each reporting line is walked once (linear in the number of people): a walk that meets a person
        // of its own path has found a cycle, which is cut at the person of it written first.
        var state = Array(repeating: 0, count: people.count)  // 0 unseen, 1 on the current path, 2 done
        var positionOnPath = Array(repeating: -1, count: people.count)
        for start in people.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let node = current, state[node] != 2 {
                if state[node] == 1 {
                    let cycle = path[positionOnPath[node]...]
                    if let first = cycle.min() { parent[first] = nil }
                    break
                }
                state[node] = 1
                positionOnPath[node] = path.count
                path.append(node)
                current = parent[node]
            }
            for node in path { state[node] = 2 }
        }
        return parent
    }

    /// The outline: roots in the order written, each followed by their reports (depth first, in the
    /// order written). Every person appears exactly once.
    func layout() -> [Placement] {
        let parent = parents()
        var children = Array(repeating: [Int](), count: people.count)
        for (index, manager) in parent.enumerated() {
            if let manager { children[manager].append(index) }
        }
        var placements: [Placement] = []
        placements.reserveCapacity(people.count)
        var stack: [(index: Int, depth: Int)] = people.indices.filter { parent[$0] == nil }.reversed().map { ($0, 0) }
        while let (index, depth) = stack.popLast() {
            placements.append(Placement(index: index, parent: parent[index], depth: depth, row: placements.count))
            stack.append(contentsOf: children[index].reversed().map { ($0, depth + 1) })
        }
        return placements
    }

    /// The complete `<svg>` element; `id` prefixes every id in it.
    func svg(id: String) -> String {
        let id = SVG.identifier(id)
        guard !people.isEmpty else {
            return SVG.empty(id: id, kind: "map", title: labels.title, message: labels.noData)
        }
        let (legendItems, legendHeight) = legend()
        let top = legendHeight + 8
        let placements = layout()
        let height = top + Double(placements.count) * Self.rowHeight + 8
        var rowOf = Array(repeating: 0, count: people.count)
        var depthOf = Array(repeating: 0, count: people.count)
        for placement in placements {
            rowOf[placement.index] = placement.row
            depthOf[placement.index] = placement.depth
        }
        func centreX(_ index: Int) -> Double { 18 + Double(min(depthOf[index], Self.deepestIndentedLevel)) * Self.indent }
        func centreY(_ index: Int) -> Double { top + (Double(rowOf[index]) + 0.5) * Self.rowHeight }

        var body = legendItems
        // Highlights first, so connectors and dots draw over them.
        for placement in placements where Self.isUncovered(people[placement.index]) {
            let x = centreX(placement.index) - 14
            body.append(SVG.rect(x: x, y: centreY(placement.index) - Self.rowHeight / 2 + 2, width: Self.width - 4 - x, height: Self.rowHeight - 4,
                                 attributes: "rx=\"5\" fill=\"#fbeee9\" stroke=\"\(SVG.warn)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\""))
        }
        for placement in placements {
            guard let manager = placement.parent else { continue }
            let x = centreX(manager), y = centreY(placement.index)
            let from = centreY(manager) + Self.radius(people[manager].influence)
            let to = centreX(placement.index) - Self.radius(people[placement.index].influence)
            body.append("<path d=\"M\(SVG.number(x)) \(SVG.number(from)) V\(SVG.number(y)) H\(SVG.number(max(x, to)))\" fill=\"none\" stroke=\"#9aa3b2\" stroke-width=\"1.2\"/>")
        }
        for placement in placements {
            body.append(contentsOf: node(people[placement.index], x: centreX(placement.index), y: centreY(placement.index)))
        }
        return SVG.document(id: id, kind: "map", width: Self.width, height: height, title: labels.title,
                            desc: description(), body: body)
    }

    static func radius(_ influence: Level?) -> Double {
        switch influence {
        case .high: 10
        case .medium: 7.5
        case .low, nil: 5
        }
    }

    static func fill(_ stance: Stakeholder.Stance?) -> String {
        switch stance {
        case .supportive: SVG.ok
        case .neutral: "#8a94a6"
        case .opposed: SVG.warn
        case nil: "#ffffff"
        }
    }

    private func dot(_ stance: Stakeholder.Stance?, influence: Level?, x: Double, y: Double) -> String {
        "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"\(SVG.number(Self.radius(influence)))\" fill=\"\(Self.fill(stance))\" stroke=\"\(SVG.ink)\" stroke-width=\"1.2\"/>"
    }

    private func node(_ person: Stakeholder, x: Double, y: Double) -> [String] {
        var parts = [dot(person.stance, influence: person.influence, x: x, y: y)]
        let textX = x + 16
        let room = Self.width - 10 - textX
        // Line 1: the name in bold, then the role as a badge.
        let name = Self.fit(person.name, size: 13, width: room * 0.7)
        parts.append(SVG.text(name, x: textX, y: y - 3, size: 13, weight: "bold"))
        if let role = person.role {
            let badgeX = textX + SVG.estimatedWidth(name, size: 13) * 1.05 + 8
            let text = Self.fit(labels.role(role), size: 10, width: max(20, Self.width - 16 - badgeX))
            let badgeWidth = SVG.estimatedWidth(text, size: 10) + 10
            if badgeX + badgeWidth < Self.width - 4 {
                parts.append(SVG.rect(x: badgeX, y: y - 15, width: badgeWidth, height: 15,
                                      attributes: "rx=\"7\" fill=\"\(SVG.wash)\" stroke=\"\(SVG.muted)\" stroke-width=\"0.8\""))
                parts.append(SVG.text(text, x: badgeX + 5, y: y - 4, size: 10, fill: SVG.ink))
            }
        }
        // Line 2: title, stance and influence, then our contact (or its absence, in red when it matters).
        var facts: [String] = []
        if let title = person.title, !title.isEmpty { facts.append(title) }
        facts.append(person.stance.map(labels.stance) ?? labels.unknownStance)
        if let influence = person.influence { facts.append(labels.level(influence)) }
        let contact = person.ourContact.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let contactText = contact.map { Strings.fill(labels.ourContact, ["name": $0]) } ?? labels.noContact
        let contactWidth = min(SVG.estimatedWidth(contactText, size: 11), room * 0.6)
        let factsText = Self.fit(facts.joined(separator: " · "), size: 11, width: room - contactWidth - 12)
        let isUncovered = Self.isUncovered(person)
        var line = "<text x=\"\(SVG.number(textX))\" y=\"\(SVG.number(y + 13))\" font-size=\"11\" fill=\"\(SVG.muted)\">\(SVG.escape(factsText + " · "))"
        if contact != nil {
            line += "<tspan fill=\"\(SVG.ink)\">\(SVG.escape(Self.fit(contactText, size: 11, width: contactWidth + 1)))</tspan>"
        } else {
            line += "<tspan\(isUncovered ? " fill=\"\(SVG.warn)\" font-weight=\"bold\"" : "")>\(SVG.escape(contactText))</tspan>"
        }
        parts.append(line + "</text>")
        return parts
    }

    /// The legend: stance colours, influence sizes and the uncovered mark, wrapped to the width.
    private func legend() -> (items: [String], height: Double) {
        var items: [String] = []
        var x = 8.0, y = 16.0
        func place(_ width: Double) {
            if x + width > Self.width - 8, x > 8 {
                x = 8
                y += 20
            }
        }
        let stances: [Stakeholder.Stance?] = [.supportive, .neutral, .opposed, nil]
        for stance in stances {
            let word = stance.map(labels.stance) ?? labels.unknownStance
            let width = 16 + SVG.estimatedWidth(word, size: 11) + 14
            place(width)
            items.append(dot(stance, influence: .low, x: x + 5, y: y - 4))
            items.append(SVG.text(word, x: x + 14, y: y, size: 11))
            x += width
        }
        x += 10
        let sizeWidth = SVG.estimatedWidth(labels.sizeLegend, size: 11) + 8
        let levels: [Level] = [.high, .medium, .low]
        let levelsWidth = levels.reduce(0.0) { $0 + 2 * Self.radius($1) + 8 + SVG.estimatedWidth(labels.level($1), size: 11) + 10 }
        place(sizeWidth + levelsWidth)
        items.append(SVG.text(labels.sizeLegend, x: x, y: y, size: 11, fill: SVG.muted))
        x += sizeWidth
        for level in levels {
            let radius = Self.radius(level)
            items.append("<circle cx=\"\(SVG.number(x + radius))\" cy=\"\(SVG.number(y - 4))\" r=\"\(SVG.number(radius))\" fill=\"#ffffff\" stroke=\"\(SVG.ink)\" stroke-width=\"1.2\"/>")
            items.append(SVG.text(labels.level(level), x: x + 2 * radius + 4, y: y, size: 11))
            x += 2 * radius + 8 + SVG.estimatedWidth(labels.level(level), size: 11) + 10
        }
        x += 10
        let uncoveredWidth = 30 + SVG.estimatedWidth(labels.uncoveredLegend, size: 11)
        place(uncoveredWidth)
        items.append(SVG.rect(x: x, y: y - 12, width: 22, height: 14,
                              attributes: "rx=\"3\" fill=\"#fbeee9\" stroke=\"\(SVG.warn)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\""))
        items.append(SVG.text(labels.uncoveredLegend, x: x + 28, y: y, size: 11))
        return (items, y + 8)
    }

    private func description() -> String {
        let uncovered = people.filter(Self.isUncovered).map(\.name)
        let sentence = uncovered.isEmpty ? labels.allCovered : Strings.fill(labels.uncovered, ["names": uncovered.joined(separator: ", ")])
        return Strings.fill(labels.summary, ["people": labels.people(people.count), "uncovered": sentence])
    }

    /// `text` cut with `…` until its estimated width at `size` is at most `width`.
    static func fit(_ text: String, size: Double, width: Double) -> String {
        guard SVG.estimatedWidth(text, size: size) > width else { return text }
        // Start near the estimate, so a very long text does not cost one pass per character.
        var limit = min(text.count, Int(width / (size * 0.58)) + 2)
        var result = SVG.truncated(text, to: limit)
        while limit > 2, SVG.estimatedWidth(result, size: size) > width {
            limit -= 1
            result = SVG.truncated(text, to: limit)
        }
        return result
    }
}
