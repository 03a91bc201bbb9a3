/// A customer that buys on price alone rarely goes beyond the early stage.
struct PriceOnlyMotivesRule: HealthRule {
    static let priceWords: Set<String> = ["price", "lowest price", "low price", "cost", "lowest cost", "low cost", "cheapest"]
    let id = "price-only-motives"
    let title = "Price-only buyer"
    let severity = Finding.Severity.medium
    let explanation = "Price buyers rarely go beyond the early stage: find motives other than price, or invest less."
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        let motives = account.dossier.motives
        guard !motives.isEmpty, motives.allSatisfy({ Self.priceWords.contains($0.lowercased()) }) else { return [] }
        return [finding("the customer buys on price alone (\(motives.joined(separator: ", ")))", line: account.line(of: "motives"))]
    }
}
