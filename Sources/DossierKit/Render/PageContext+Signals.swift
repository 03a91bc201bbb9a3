/// What is going well (positive health signals): the report's and the brief's "Going well" section and
/// the portfolio's count, rendered by the `going-well` and `portfolio-going-well` partials.
extension PageContext {
    /// One entry per signal of the account, in dossier order: its title and message.
    static func goingWell(of account: Account, _ env: RenderEnvironment) -> [Context] {
        account.signals.map { signal in
            ["title": signal.title(in: env.strings), "message": signal.message(in: env.strings), "signal": signal.signalID]
        }
    }

    /// The portfolio's count: every account with a signal, with its count and the signals' titles.
    static func portfolioGoingWell(_ accounts: [Account], root: String, _ env: RenderEnvironment) -> Context {
        let going = accounts.filter { !$0.signals.isEmpty }
        let rows = going.prefix(summaryRows).map { account -> Context in
            var row = link(to: account, root: root, env)
            row["count_label"] = env.strings.plural("going_well_flag", count: account.signals.count)
            var seen: Set<String> = []
            row["signals"] = account.signals.compactMap { signal -> Context? in
                seen.insert(signal.signalID).inserted ? ["title": signal.title(in: env.strings)] : nil
            }
            return row
        }
        let total = accounts.reduce(0) { $0 + $1.signals.count }
        var context: Context = [
            "going_well_accounts": rows,
            "going_well_lead": env.strings.plural("going_well_lead", count: total),
        ]
        context["going_well_more"] = more(going.count, shown: summaryRows, env)
        return context
    }
}
