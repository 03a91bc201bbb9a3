/// Before investing in a prospect for long, decide whether a profitable relationship is feasible.
struct NoFeasibilityVerdictRule: HealthRule {
    let id = "no-feasibility-verdict"
    let severity = Finding.Severity.medium
    let parameters = ["months": 6]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        guard dossier.stage == .pre, let since = dossier.stageSince, dossier.economics?.feasibility?.verdict == nil else { return [] }
        let limit = account.parameter("months")
        guard since.adding(months: limit) < account.asOf else { return [] }
        let months = since.months(until: account.asOf)
        return [finding("message", ["months": .number(months), "limit": .number(limit)], line: account.line(of: "stage_since"))]
    }
}
