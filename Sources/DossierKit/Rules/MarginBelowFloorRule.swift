/// A key account must pay: our latest gross margin should stay above the floor.
struct MarginBelowFloorRule: HealthRule {
    let id = "margin-below-floor"
    let severity = Finding.Severity.high
    /// `min` is the floor in percent.
    let parameters = ["min": 15]

    func findings(in account: RuleInput) -> [Finding] {
        guard let latest = account.dossier.economics?.latestGrossMargin else { return [] }
        let floor = Double(account.parameter("min")) / 100
        guard latest.margin < floor - 1e-9 else { return [] }
        return [finding("message", ["year": .number(latest.year), "margin": .percent(latest.margin), "floor": .percent(floor)],
                        line: account.line(of: "economics"))]
    }
}
