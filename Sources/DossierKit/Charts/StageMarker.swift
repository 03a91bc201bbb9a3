import Foundation

/// How a stage is drawn in charts: its theme colour (the `--<stage>` variables of style.css) and a
/// shape of its own, so the stage still reads when the page is printed in black and white.
struct StageMarker: Sendable, Equatable {
    /// The marker shapes, one per stage.
    enum Shape: Sendable, Equatable {
        case circle, square, diamond, triangleUp, hexagon, triangleDown
    }

    var stage: Stage

    /// The stage's colour in templates/style.css.
    var color: String {
        switch stage {
        case .pre: "#6b7280"
        case .early: "#2563a8"
        case .mid: "#0f766e"
        case .partnership: "#6d28d9"
        case .synergistic: "#15803d"
        case .uncoupling: "#b45309"
        }
    }

    var shape: Shape {
        switch stage {
        case .pre: .circle
        case .early: .square
        case .mid: .diamond
        case .partnership: .triangleUp
        case .synergistic: .hexagon
        case .uncoupling: .triangleDown
        }
    }

    /// How far the shape of `area` reaches from its centre sideways, for placing labels beside it.
    func halfWidth(area: Double) -> Double {
        let area = max(0, area)
        switch shape {
        case .circle: return (area / Double.pi).squareRoot()
        case .square: return area.squareRoot() / 2
        case .diamond: return (area / 2).squareRoot()
        case .triangleUp, .triangleDown: return Self.triangleSide(area: area) / 2
        case .hexagon: return Self.hexagonRadius(area: area)
        }
    }

    /// The shape centred on (`x`, `y`) whose area is exactly `area`, so sizes compare honestly
    /// across shapes; `attributes` (fill, stroke…) are added as written.
    func element(x: Double, y: Double, area: Double, attributes: String) -> String {
        let area = max(0, area)
        let n = SVG.number
        switch shape {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(halfWidth(area: area)))\" \(attributes)/>"
        case .square:
            let side = area.squareRoot()
            return SVG.rect(x: x - side / 2, y: y - side / 2, width: side, height: side, attributes: attributes)
        case .diamond:
            let half = halfWidth(area: area)
            return polygon([(x, y - half), (x + half, y), (x, y + half), (x - half, y)], attributes: attributes)
        case .triangleUp, .triangleDown:
            let side = Self.triangleSide(area: area)
            let height = side * 3.0.squareRoot() / 2
            let sign: Double = shape == .triangleUp ? 1 : -1
            let apex = y - sign * height * 2 / 3
            let base = y + sign * height / 3
            return polygon([(x, apex), (x + side / 2, base), (x - side / 2, base)], attributes: attributes)
        case .hexagon:
            let radius = Self.hexagonRadius(area: area)
            let rise = radius * 3.0.squareRoot() / 2
            return polygon(
                [(x + radius, y), (x + radius / 2, y + rise), (x - radius / 2, y + rise),
                 (x - radius, y), (x - radius / 2, y - rise), (x + radius / 2, y - rise)],
                attributes: attributes)
        }
    }

    /// A small legend marker, filled with the stage colour.
    func legendElement(x: Double, y: Double) -> String {
        element(x: x, y: y, area: Double.pi * 36,
                attributes: "fill=\"\(color)\" fill-opacity=\"0.8\" stroke=\"\(color)\" stroke-width=\"1.5\"")
    }

    private func polygon(_ points: [(Double, Double)], attributes: String) -> String {
        let list = points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")
        return "<polygon points=\"\(list)\" \(attributes)/>"
    }

    /// The side of an equilateral triangle of `area`.
    private static func triangleSide(area: Double) -> Double { (4 * area / 3.0.squareRoot()).squareRoot() }

    /// The corner radius of a regular hexagon of `area`.
    private static func hexagonRadius(area: Double) -> Double { (2 * area / (3 * 3.0.squareRoot())).squareRoot() }
}
