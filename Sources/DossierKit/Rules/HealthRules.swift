/// The catalogue of health rules, and running them over an account.
public enum HealthRules {
    /// Every rule, in the order `check --rules` lists them.
    public static let all: [any HealthRule] = [
        NoDecisionMakersRule(), NoLongTermPlanRule(), PlanOverdueRule(), ResearchGapsRule(), StaleResearchRule(),
        PriceOnlyMotivesRule(), CustomerTestingUsRule(), UnremediedBrokenPromiseRule(), LowOnTimeRateRule(),
        OpposedDeciderRule(), DecisionMakerOutOfTouchRule(), SinglePointOfContactRule(), StuckInStageRule(),
        PlanItemOverdueRule(), UncoveredInfluencerRule(), SingleThreadedRule(), NoSponsorRule(), ReviewOverdueRule(),
        PilotWithoutBaselineRule(), NoFeasibilityVerdictRule(), MarginBelowFloorRule(), StageAboveEvidenceRule(),
        CustomerCommitmentOverdueRule(),
    ]

    /// The rule with `id`, if any.
    public static func rule(withID id: String) -> (any HealthRule)? {
        all.first { $0.id == id }
    }

    /// The findings of every active rule on one account, most severe first, then by line.
    public static func evaluate(_ dossier: Dossier, figures: AccountFigures, config: SiteConfig) -> [Finding] {
        var findings: [Finding] = []
        for (rule, parameters) in config.rules.activeRules(staleAfterDays: config.staleAfterDays) {
            findings += rule.findings(in: RuleInput(dossier: dossier, figures: figures, parameters: parameters))
        }
        return findings.enumerated().sorted { lhs, rhs in
            (lhs.element.severity, lhs.element.line, lhs.offset) < (rhs.element.severity, rhs.element.line, rhs.offset)
        }.map(\.element)
    }

    /// One line per rule for `check --rules`: id, severity, parameters, explanation.
    public static func listing() -> String {
        all.map { rule in
            let parameters = rule.parameters.keys.sorted().map { "\($0)=\(rule.parameters[$0] ?? 0)" }.joined(separator: ", ")
            let explanation = Strings.english["rule_\(rule.id)_explanation"]
            return "\(rule.id) (\(rule.severity.rawValue)\(parameters.isEmpty ? "" : "; \(parameters)")): \(explanation)"
        }.joined(separator: "\n") + "\n"
    }
}
