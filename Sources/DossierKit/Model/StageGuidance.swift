/// What the key account manager does in a stage, and what moves the account on to the next.
///
/// The guidance follows the Millman & Wilson key-account-management model. Every string is
/// plain text (no HTML), so templates can escape and show it as they like.
public struct StageGuidance: Sendable {
    /// The stage this guidance is for.
    public let stage: Stage
    /// One sentence a salesperson understands: what this stage is.
    public let summary: String
    /// The manager's job in this stage, as short imperative bullet points (4-7).
    public let managerRole: [String]
    /// What moves the account to the next stage (or, for uncoupling, what an orderly exit needs), bullets (3-5).
    public let movesOnWhen: [String]
    /// Traps to avoid, bullets (2-4).
    public let watchOuts: [String]

    /// Creates guidance for a stage.
    public init(
        stage: Stage,
        summary: String,
        managerRole: [String],
        movesOnWhen: [String],
        watchOuts: [String]
    ) {
        self.stage = stage
        self.summary = summary
        self.managerRole = managerRole
        self.movesOnWhen = movesOnWhen
        self.watchOuts = watchOuts
    }
}

extension StageGuidance {
    /// The guidance for a stage.
    public static func guidance(for stage: Stage) -> StageGuidance {
        switch stage {
        case .pre: pre
        case .early: early
        case .mid: mid
        case .partnership: partnership
        case .synergistic: synergistic
        case .uncoupling: uncoupling
        }
    }

    /// The guidance for every stage, in the model's order.
    public static var all: [StageGuidance] { Stage.allCases.map { guidance(for: $0) } }

    private static let pre = StageGuidance(
        stage: .pre,
        summary: "You have spotted a company that could become a key account, and you find out whether it is worth investing in before you sell.",
        managerRole: [
            "Identify prospects with real key-account potential, not just any large company.",
            "Research each prospect's finances, strategy, the segments it serves and its competitors.",
            "Track external factors that affect the prospect, such as new laws and new technology.",
            "Check that a profitable relationship is feasible before the firm invests time and money.",
            "Write a credible long-term plan with a timetable: from prospect to key account, then to partner.",
            "Find out how the prospect buys: on price alone, or on value such as service and total cost.",
        ],
        movesOnWhen: [
            "The research shows a profitable relationship is feasible and your management agrees to invest.",
            "The long-term plan, with its timetable, is written and agreed inside your firm.",
            "You know whom to approach first and start the first sales contact with the prospect.",
        ],
        watchOuts: [
            "Investing sales effort before checking that the relationship can ever be profitable.",
            "Chasing a prospect that buys on price alone: such customers rarely get beyond early KAM.",
            "A plan without dates: nobody can check it or be held to it.",
        ]
    )

    private static let early = StageGuidance(
        stage: .early,
        summary: "You are winning a new customer's first business and must prove that your company delivers what it promises.",
        managerRole: [
            "Identify the people who make the purchasing decision and win a meeting with them.",
            "Explain your product's advantages in terms of the customer's own business.",
            "Communicate often and be persistent, but never use hard selling.",
            "Negotiate on principle, looking for win-win terms, not from fixed positions.",
            "Keep every promise: record each commitment with an owner and a due date, and measure the on-time rate.",
            "Make colleagues, especially technical ones, see how important this account is.",
            "Keep the long-term plan and its timetable up to date as you learn about the customer.",
        ],
        movesOnWhen: [
            "The first win, often a trial, pilot or limited contract, shows visible improvement quickly.",
            "The customer sees a record of kept promises and starts to trust you.",
            "The customer values more than price: reliability, service, total cost of ownership.",
            "Contacts grow beyond the buyer to other people and functions in the customer's business.",
        ],
        watchOuts: [
            "Hard selling: pressure now costs the trust you need to grow the account.",
            "A customer that buys on price alone rarely goes beyond this stage.",
            "A broken promise left unanswered: apologise immediately and offer compensation.",
            "A pilot with no agreed baseline: the customer expects quick, visible results, so measure them.",
        ]
    )

    private static let mid = StageGuidance(
        stage: .mid,
        summary: "The customer trusts you and buys regularly: you are one of a few preferred suppliers, with contacts in several functions.",
        managerRole: [
            "Build contacts across functions on both sides, not only between buyer and salesperson.",
            "Hold regular reviews with the customer on results, commitments and the plan.",
            "Keep measuring commitments and keep the on-time record high.",
            "Secure your place as one of the customer's few preferred suppliers.",
            "Learn the customer's strategy well enough to propose improvements before they are asked for.",
            "Keep your delivery and technical colleagues aware of the account's importance.",
        ],
        movesOnWhen: [
            "The customer starts to treat you as an external resource, not just a vendor.",
            "Both sides share information openly, such as plans, forecasts and costs.",
            "Problems are solved jointly by people from both companies.",
            "Senior managers on both sides sponsor the relationship.",
        ],
        watchOuts: [
            "Relying on one contact: if that person leaves, the account is exposed.",
            "Skipping reviews once things go well: small problems grow unseen.",
            "Treating preferred-supplier status as permanent: competitors keep trying.",
        ]
    )

    private static let partnership = StageGuidance(
        stage: .partnership,
        summary: "The customer treats your company as an external resource of its own: information is shared and problems are solved together.",
        managerRole: [
            "Act as the customer's external resource: bring expertise and ideas, not only products.",
            "Share information openly and agree what the customer shares in return.",
            "Set up joint teams to solve problems together.",
            "Win senior sponsors on both sides and keep them informed and involved.",
            "Coordinate the many contacts between the two companies so your side speaks with one voice.",
            "Keep the account profitable: track what it costs to serve.",
        ],
        movesOnWhen: [
            "Both companies plan together: joint plans replace separate plans about each other.",
            "Goals are shared and progress is measured together.",
            "Teams from both sides work as one on long-term projects.",
        ],
        watchOuts: [
            "Letting senior sponsorship lapse when a sponsor moves on.",
            "Complacency: a partner still expects performance, and a broken promise costs more trust here.",
            "Serving the account at a loss because the relationship feels secure.",
        ]
    )

    private static let synergistic = StageGuidance(
        stage: .synergistic,
        summary: "The two companies work as one on shared goals, with joint plans that both sides own.",
        managerRole: [
            "Write, review and renew joint plans with the customer.",
            "Set shared goals and measure progress against them together.",
            "Keep senior sponsors on both sides committed to the joint plans.",
            "Look for new value together, such as joint development, lower costs or new markets.",
            "Make sure the relationship stays profitable for both sides.",
        ],
        movesOnWhen: [
            "There is no stage beyond this one: the aim is to stay here.",
            "Joint plans are delivered and renewed, year after year.",
            "Shared goals are met and new ones are set together.",
            "Trust holds because promises are kept on both sides.",
        ],
        watchOuts: [
            "Taking the account for granted: lost trust or a change of ownership can still lead to uncoupling.",
            "Plans that quietly become one-sided and stop being joint.",
            "Not preparing for change at the customer, such as new owners or a new strategy.",
        ]
    )

    private static let uncoupling = StageGuidance(
        stage: .uncoupling,
        summary: "The relationship is ending, through lost trust, a change of ownership or poor performance, and the aim is an orderly exit.",
        managerRole: [
            "Find the cause: lost trust, a change of ownership, or poor performance.",
            "Where a broken promise caused it, apologise at once and offer compensation.",
            "Decide with your management whether the account can be saved or should be exited.",
            "Plan the exit with the customer: dates, open orders, handover and support.",
            "Keep every remaining commitment until the last day.",
            "Tell colleagues early so delivery, service and finance can prepare.",
        ],
        movesOnWhen: [
            "Both sides agree the exit terms and timetable in writing.",
            "Every open commitment is fulfilled or settled by agreement.",
            "Contracts, orders and handover are wound down on the agreed dates.",
            "The causes and lessons are recorded in the dossier.",
        ],
        watchOuts: [
            "Walking away abruptly: how you leave decides whether you can ever come back.",
            "Missing the early signs: skipped reviews, new owners, falling performance.",
            "Blaming the customer instead of fixing the causes on your side.",
        ]
    )
}
