import Foundation

/// A linear map from data values to SVG coordinates, and the "nice" round ticks of an axis.
struct LinearScale: Sendable, Equatable {
    /// The data values at the two ends.
    var lower: Double
    var upper: Double
    /// The coordinates `lower` and `upper` map to (`to` may be smaller than `from`, for a y axis).
    var from: Double
    var to: Double

    /// The coordinate of `value`; the middle of the range when the domain is empty.
    func callAsFunction(_ value: Double) -> Double {
        let span = upper - lower
        guard span != 0, span.isFinite, value.isFinite else { return (from + to) / 2 }
        return from + (value - lower) / span * (to - from)
    }

    /// Round tick values covering `lower...upper` in steps of 1, 2, 2.5 or 5 times a power of ten,
    /// about `count` of them. An empty span around a value is widened so there is always an axis.
    static func ticks(covering lower: Double, _ upper: Double, count: Int = 5) -> [Double] {
        var low = Swift.min(lower, upper), high = Swift.max(lower, upper)
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if high - low <= 0 {
            let pad = abs(low) * 0.1
            (low, high) = low == 0 ? (0, 1) : (low - pad, high + pad)
        }
        let rough = (high - low) / Double(Swift.max(1, count))
        let exponent = floor(log10(rough))
        let magnitude = pow(10, exponent)
        let residual = rough / magnitude
        let factor = [1, 2, 2.5, 5, 10].first { $0 >= residual - 1e-9 } ?? 10
        let step = factor * magnitude
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        guard last >= first, last - first < 1000 else { return [low, high] }
        // Dividing by a whole power of ten keeps 0.6 from becoming 0.6000000000000001.
        let divisor = exponent < 0 ? pow(10, -exponent) : 1
        let multiplier = exponent < 0 ? 1 : magnitude
        return (0...Int(last - first)).map { (first + Double($0)) * factor * multiplier / divisor }
    }
}
