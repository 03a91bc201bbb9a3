/// One key account's research, decoded and validated from its Markdown file.
public struct Dossier: Sendable, Equatable, Codable {
    /// The file name without `.md`: the account's address in the site.
    public var slug: String
    /// The file's path relative to the site root, as diagnostics print it.
    public var path: String
    public var name: String
    public var owner: String
    /// The account's id in the CRM it was imported from (`crm_id`); a later import finds the dossier by it.
    public var crmID: String?
    public var team: [String] = []
    public var stage: Stage
    public var stageSince: Day?
    public var target: Target?
    public var tier: String?
    public var reviewed: Day?
    public var tags: [String] = []
    public var segments: [Segment] = []
    public var financials: Financials?
    public var strategy: Strategy?
    public var competitors: [Competitor] = []
    public var externalFactors: [ExternalFactor] = []
    public var stakeholders: [Stakeholder] = []
    public var motives: [String] = []
    /// What the customer buys on, from a closed list (`buying_basis:`).
    public var buyingBasis: [BuyingBasis] = []
    public var engagement: Engagement?
    public var commitments: [Commitment] = []
    public var plan: [Milestone] = []
    public var assessment: Assessment?
    public var nextMeeting: Meeting?
    /// The goals of the long-term account plan; `Milestone.objective` points into it (1-based).
    public var objectives: [Objective] = []
    /// The value proposition and its measured outcomes.
    public var value: ValueCase?
    public var opportunities: [Opportunity] = []
    /// The white-space grid: one entry per buying centre.
    public var whitespace: [BuyingCentre] = []
    public var economics: Economics?
    public var governance: Governance?
    /// The markers of the relationship stage; see `suggestedStage`.
    public var stageEvidence: StageEvidence?
    /// The free-form `private:` mapping, flattened; shown only to audiences that see private parts,
    /// and empty in every other build (see `Audience`).
    public var privateNotes: [PrivateNote] = []
    /// The Markdown after the front-matter.
    public var body: String = ""
    /// The line of the file on which the body starts (1-based).
    public var bodyLine: Int = 1
    /// The file line of each top-level key, so findings can point at it.
    public var keyLines: [String: Int] = [:]

    public init(slug: String, path: String, name: String, owner: String, stage: Stage) {
        self.slug = slug
        self.path = path
        self.name = name
        self.owner = owner
        self.stage = stage
    }
}

/// The stage an account should reach, and by when.
public struct Target: Sendable, Equatable, Codable {
    public var stage: Stage?
    public var by: Day?
}

/// How the customer's business is split across the segments it serves.
public struct Segment: Sendable, Equatable, Codable {
    /// Where the segment is heading.
    public enum Trend: String, Keyword { case growing, stable, declining }
    public var name: String
    /// Fraction of the customer's business, 0...1.
    public var share: Double?
    public var trend: Trend?
}

/// The customer's published figures and our share of its spend.
public struct Financials: Sendable, Equatable, Codable {
    /// One financial year's published figures.
    public struct Year: Sendable, Equatable, Codable {
        public var year: Int
        public var revenue: Double?
        public var operatingMargin: Double?
        public var netIncome: Double?
        public var employees: Int?
    }
    /// What the customer spends in our category, and how much of it is ours.
    public struct Wallet: Sendable, Equatable, Codable {
        public var total: Double?
        public var ours: Double?
    }
    /// ISO 4217 code; nil means the site's currency.
    public var currency: String?
    /// Sorted by year, oldest first.
    public var years: [Year] = []
    public var rating: String?
    public var wallet: Wallet?
}

/// Where the customer says it is going.
public struct Strategy: Sendable, Equatable, Codable {
    public var summary: String?
    public var priorities: [String] = []
}

/// Another supplier competing for the account.
public struct Competitor: Sendable, Equatable, Codable {
    /// The competitor's place at the account.
    public enum Position: String, Keyword { case incumbent, challenger, niche, entrant }
    public var name: String
    public var position: Position?
    public var share: Double?
    public var strengths: [String] = []
    public var weaknesses: [String] = []
}

/// Something outside the customer's control that shapes its business (PESTLE).
public struct ExternalFactor: Sendable, Equatable, Codable {
    /// The PESTLE category.
    public enum Kind: String, Keyword { case political, economic, social, technological, legal, environmental }
    /// How the factor affects the customer.
    public enum Impact: String, Keyword { case positive, negative, mixed }
    public var kind: Kind?
    public var summary: String
    public var impact: Impact?
    /// Position in the list as written, so "newest" means last written.
    public var index: Int
}

/// A person in the customer's decision-making unit.
public struct Stakeholder: Sendable, Equatable, Codable {
    /// The person's part in the buying decision.
    public enum Role: String, Keyword {
        case decisionMaker = "decision-maker", economicBuyer = "economic-buyer"
        case influencer, user, gatekeeper, champion, blocker
    }
    /// How the person stands towards us.
    public enum Stance: String, Keyword { case supportive, neutral, opposed }
    public var name: String
    public var title: String?
    public var role: Role?
    public var stance: Stance?
    public var lastContact: Day?
    public var line: Int
    /// How much weight the person carries in the decision.
    public var influence: Level?
    /// The name of the stakeholder this person reports to (another entry of the list).
    public var reportsTo: String?
    /// Who on our side holds the relationship with this person.
    public var ourContact: String?
    /// What this person wants for themselves or their unit.
    public var wins: [String] = []
}

/// How far the customer has committed to buying from us.
public enum Engagement: String, Keyword {
    case pilot, trial
    case limitedContract = "limited-contract"
    case framework, partnership
}

/// A promise made in the relationship: by us (the default) or by the customer.
public struct Commitment: Sendable, Equatable, Codable {
    /// Who made the promise (`by:`).
    public enum Party: String, Keyword { case us, customer }

    public var promise: String
    public var owner: String?
    /// The day the promise is due now (see `originalDue`).
    public var due: Day?
    public var done: Day?
    /// How a broken promise was made good.
    public var remedy: String?
    public var line: Int
    /// Who made the promise; `.us` unless `by: customer`.
    public var promisedBy: Party = .us
    /// The first day promised, when `due` was moved; lateness is measured against it.
    public var originalDue: Day?
    /// How much the customer values the promise.
    public var valued: Level?

    /// Whether we made the promise.
    public var isOurs: Bool { promisedBy == .us }
    /// The day lateness is measured against: `originalDue` when set, else `due`.
    public var measuredDue: Day? { originalDue ?? due }
}

/// A step in the long-term account plan.
public struct Milestone: Sendable, Equatable, Codable {
    public var milestone: String
    public var due: Day?
    public var done: Day?
    public var line: Int
    /// Who on our side carries the step.
    public var owner: String?
    /// The objective the step serves: a 1-based index into `Dossier.objectives`, as written.
    public var objective: Int?
}

/// Our judgement of the account, on 1-5 scales.
public struct Assessment: Sendable, Equatable, Codable {
    public var attractiveness: Int?
    public var strength: Int?
}

/// The next meeting with the customer.
public struct Meeting: Sendable, Equatable, Codable {
    public var date: Day?
    public var with: [String] = []
    public var objective: String?
    /// The commitment we ask the customer for.
    public var ask: String?
    /// Our best alternative if there is no agreement.
    public var fallback: String?
    /// What the customer's people want from the meeting.
    public var theirInterests: [String] = []
    /// Options for agreement to put on the table.
    public var options: [String] = []
}
