/// One problem found in the site: what went wrong, where, and in which stage of the pipeline.
public struct Diagnostic: Error, Sendable, Equatable {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var problem: Problem
    public var stage: PipelineStage

    public init(_ severity: Severity, _ problem: Problem, at location: SourceLocation, in stage: PipelineStage) {
        self.severity = severity
        self.problem = problem
        self.location = location
        self.stage = stage
    }

    /// The message a person reads, without the location.
    public var message: String { problem.message }

    /// The id of the health rule or signal that made this diagnostic, for a finding or a signal; nil otherwise.
    public var ruleID: String? {
        switch problem {
        case .finding(let id, _), .signal(let id, _): id
        default: nil
        }
    }

    /// Whether this diagnostic is a positive health signal (what is going well), not a problem.
    public var isSignal: Bool {
        if case .signal = problem { return true }
        return false
    }

    /// The compiler-style line: `path:line:col: error: message`.
    public var formatted: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

/// The named stages of the build pipeline, in the order they run.
public enum PipelineStage: String, Sendable, Codable {
    case load
    case frontMatter = "front-matter"
    case decode
    case derive
    case markdown
    case template
    case write
    /// `dossier import`: reading a CRM's CSV files and writing dossiers from them.
    case crmImport = "import"
}
