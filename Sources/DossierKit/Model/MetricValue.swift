/// A measured value of a value outcome (`baseline`, `target`, `actual`): a plain number such as `120`,
/// or a percentage such as `0.9%`.
public struct MetricValue: Sendable, Equatable, Codable {
    /// The value; for a percentage, as a fraction (`0.9%` is 0.009).
    public var number: Double
    /// Whether it was written as a percentage, so pages show it as one.
    public var isPercent: Bool

    public init(number: Double, isPercent: Bool) {
        self.number = number
        self.isPercent = isPercent
    }
}
