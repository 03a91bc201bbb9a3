/// A customer that buys on price alone rarely goes beyond the early stage.
struct PriceOnlyMotivesRule: HealthRule {
    static let priceWords: Set<String> = ["price", "lowest price", "low price", "cost", "lowest cost", "low cost", "cheapest"]
    let id = "price-only-motives"
    let severity = Finding.Severity.medium
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let motives = account.dossier.motives
        guard !motives.isEmpty, motives.allSatisfy({ Self.priceWords.contains($0.lowercased()) }) else { return [] }
        return [finding("message", ["motives": .texts(motives)], line: account.line(of: "motives"))]
    }
}
