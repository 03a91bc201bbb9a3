extension PagePlanner.AccountKey {
    /// The keys of each account's pages, by slug: from the hashes the parse stage made of its file and
    /// front-matter, and from its history.
    static func keys(of accounts: [Account], parsed: [ParsedDossier]) -> [String: PagePlanner.AccountKey] {
        let byPath = Dictionary(parsed.map { ($0.path, $0) }) { first, _ in first }
        return Dictionary(accounts.map { account in
            let source = byPath[account.dossier.path]
            return (account.dossier.slug, PagePlanner.AccountKey(
                file: account.dossier.path + "|" + (source?.contentHash ?? "") + "|" + (account.history?.cacheKey ?? "-"),
                frontMatter: (source?.summaryHash ?? "") + "|" + (account.history?.signalsCacheKey ?? "-")))
        }) { first, _ in first }
    }
}
