/// We are winning more of the customer's spend: our share of wallet is higher than in the committed
/// version of `SiteHistory.recentDays` days ago. A dossier holds one wallet figure (not one per year), so
/// the comparison needs git history; without it the signal stays quiet.
struct WalletShareUpSignal: HealthSignal {
    let id = "wallet-share-up"

    func signals(in account: RuleInput) -> [Signal] {
        guard let now = account.figures.shareOfWallet, let previous = account.previous,
              let wallet = previous.financials?.wallet, let total = wallet.total, let ours = wallet.ours, total > 0 else { return [] }
        let before = ours / total
        guard now > before + 1e-9 else { return [] }
        return [signal("message", ["old": .percent(before), "new": .percent(now)], line: account.line(of: "financials"))]
    }
}
