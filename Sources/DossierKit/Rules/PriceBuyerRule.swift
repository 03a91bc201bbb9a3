/// A customer that buys on price alone (`buying_basis: [price]`): serve it efficiently and do not
/// over-invest, as price buyers rarely go beyond the early stage. Advice, not an alarm. Formerly
/// `price-only-motives` (still accepted in dossier.yml); free-text `motives` no longer drive it.
struct PriceBuyerRule: HealthRule {
    let id = "price-buyer"
    let severity = Finding.Severity.low
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        guard account.dossier.buyingBasis == [.price] else { return [] }
        return [finding("message", ["stage": .stage(account.dossier.stage)], line: account.line(of: "buying_basis"))]
    }
}
