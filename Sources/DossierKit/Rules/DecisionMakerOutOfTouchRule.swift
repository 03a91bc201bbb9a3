/// Without recent contact with the decision maker, the relationship drifts. How often is enough depends on
/// the stage: the days allowed are set per stage (never judged for `uncoupling`; in `pre`, only once a
/// decision maker has been contacted).
struct DecisionMakerOutOfTouchRule: HealthRule {
    let id = "decision-maker-out-of-touch"
    let severity = Finding.Severity.medium
    /// Days without contact allowed in each stage.
    let parameters = ["pre": 60, "early": 60, "mid": 90, "partnership": 60, "synergistic": 60]
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let deciders = account.dossier.stakeholders.filter { $0.role == .decisionMaker }
        guard let first = deciders.first, let limit = account.parameters[account.dossier.stage.rawValue] else { return [] }
        let latest = deciders.compactMap(\.lastContact).max()
        if let latest, latest.days(until: account.asOf) <= limit { return [] }
        var arguments: [String: MessageArgument] = ["names": .texts(deciders.map(\.name)), "limit": .number(limit)]
        // In pre KAM a prospect's decision maker is often not met yet: that is the state of a prospect, not
        // a contact gone cold.
        guard let latest else { return account.dossier.stage == .pre ? [] : [finding("never", arguments, line: first.line)] }
        arguments["date"] = .day(latest)
        return [finding("since", arguments, line: first.line)]
    }
}
