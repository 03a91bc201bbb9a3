/// The value we promise the customer and the measured outcomes that prove it (`value:`).
public struct ValueCase: Sendable, Equatable, Codable {
    /// One measured outcome: where it started, where it should get, where it is.
    public struct Outcome: Sendable, Equatable, Codable {
        /// What is measured, e.g. "picking errors".
        public var metric: String
        public var baseline: MetricValue?
        public var target: MetricValue?
        public var actual: MetricValue?
        /// The customer's person who accepted the measure.
        public var agreedBy: String?
        /// The file line of the list item.
        public var line: Int

        public init(metric: String, baseline: MetricValue? = nil, target: MetricValue? = nil, actual: MetricValue? = nil,
                    agreedBy: String? = nil, line: Int) {
            self.metric = metric
            self.baseline = baseline
            self.target = target
            self.actual = actual
            self.agreedBy = agreedBy
            self.line = line
        }

        /// Whether the outcome has both a baseline and a target, so progress can be measured.
        public var isMeasurable: Bool { baseline != nil && target != nil }
    }

    /// The value proposition in one sentence.
    public var proposition: String?
    public var outcomes: [Outcome] = []

    public init(proposition: String? = nil, outcomes: [Outcome] = []) {
        self.proposition = proposition
        self.outcomes = outcomes
    }
}
