/// The catalogue of health rules, and running them over an account.
public enum HealthRules {
    /// Every rule, in the order `check --rules` lists them.
    public static let all: [any HealthRule] = [
        NoDecisionMakersRule(), NoLongTermPlanRule(), PlanOverdueRule(), ResearchGapsRule(), StaleResearchRule(),
        PriceBuyerRule(), CustomerTestingUsRule(), UnremediedBrokenPromiseRule(), LowOnTimeRateRule(),
        OpposedStakeholderRule(), DecisionMakerOutOfTouchRule(), SinglePointOfContactRule(), StuckInStageRule(),
        PlanItemOverdueRule(), UncoveredInfluencerRule(), SingleThreadedRule(), NoSponsorRule(), ReviewOverdueRule(),
        PilotWithoutBaselineRule(), NoFeasibilityVerdictRule(), MarginBelowFloorRule(), StageAboveEvidenceRule(),
        CustomerCommitmentOverdueRule(),
    ]

    /// Old rule ids still accepted in dossier.yml (with a warning), by the id that replaced them.
    public static let renamed = ["opposed-decision-maker": "opposed-stakeholder", "price-only-motives": "price-buyer"]

    /// The rule with `id`, if any.
    public static func rule(withID id: String) -> (any HealthRule)? {
        all.first { $0.id == id }
    }

    /// The findings of every active rule on one account, most severe first, then by line; one per cause
    /// (`oneFindingPerCause`).
    public static func evaluate(_ dossier: Dossier, figures: AccountFigures, config: SiteConfig) -> [Finding] {
        var findings: [Finding] = []
        var rules: [String: (rule: any HealthRule, parameters: [String: Int])] = [:]
        for (rule, parameters) in config.rules.activeRules(staleAfterDays: config.staleAfterDays) {
            rules[rule.id] = (rule, parameters)
            findings += rule.findings(in: RuleInput(dossier: dossier, figures: figures, parameters: parameters))
        }
        let kept = oneFindingPerCause(findings) { finding, claimed in
            // Would the rule still fire if the promises already claimed by other findings did not exist?
            guard let (rule, parameters) = rules[finding.ruleID] else { return true }
            var without = dossier
            without.commitments.removeAll { claimed.contains(FindingCause.promise($0)) }
            let figures = AccountFigures(of: without, asOf: figures.asOf, staleAfterDays: config.staleAfterDays)
            return !rule.findings(in: RuleInput(dossier: without, figures: figures, parameters: parameters)).isEmpty
        }
        return kept.enumerated().sorted { lhs, rhs in
            (lhs.element.severity, lhs.element.line, lhs.offset) < (rhs.element.severity, rhs.element.line, rhs.offset)
        }.map(\.element)
    }

    /// One cause, one finding. A finding with a `subject` claims it (the first, most severe, when two do).
    /// Another finding whose `causes` are all claimed is not kept but named in the claiming finding's
    /// message; so is one whose causes are partly claimed when `stillFires` (given the claimed causes) says
    /// the rule would not fire without them. Findings without causes are all kept.
    static func oneFindingPerCause(_ findings: [Finding], stillFires: (Finding, Set<String>) -> Bool) -> [Finding] {
        var kept = findings
        var claimedBy: [String: Int] = [:]
        let bySeverity = findings.indices.sorted { (findings[$0].severity, $0) < (findings[$1].severity, $1) }
        for index in bySeverity {
            if let subject = findings[index].subject, claimedBy[subject] == nil { claimedBy[subject] = index }
        }
        var folded: Set<Int> = []
        let fewestCausesFirst = findings.indices.filter { !findings[$0].causes.isEmpty }
            .sorted { (findings[$0].causes.count, $0) < (findings[$1].causes.count, $1) }
        for index in fewestCausesFirst {
            let finding = findings[index]
            let claimed = finding.causes.filter { claimedBy[$0] != nil && claimedBy[$0] != index }
            guard let first = claimed.first, let owner = claimedBy[first], !folded.contains(owner) else { continue }
            guard claimed.count == finding.causes.count || !stillFires(finding, Set(claimed)) else { continue }
            kept[owner].alsoRuleIDs.append(finding.ruleID)
            folded.insert(index)
        }
        return kept.indices.filter { !folded.contains($0) }.map { kept[$0] }
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
