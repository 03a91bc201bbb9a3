/// Accounts that share a name: an owner, a segment they serve, a competitor present, or a tag.
struct NameGroup<Item: Sendable>: Sendable {
    /// The name as first written, in slug order of the accounts.
    var name: String
    var slug: String
    /// Each account with what it says about the name (its segment share, the competitor's position...).
    var members: [(account: Account, item: Item)]

    /// Groups `accounts` by the names `names` picks from each; sorted by name, members by account name.
    static func group(_ accounts: [Account], slugger: NameSlugger, by names: (Account) -> [(name: String, item: Item)]) -> [NameGroup] {
        var order: [String] = []
        var groups: [String: NameGroup] = [:]
        let picked = accounts.map { account in (account, names(account)) }
        for (account, entries) in picked {
            var seen: Set<String> = []
            for entry in entries {
                let key = NameSlugger.key(entry.name)
                guard seen.insert(key).inserted else { continue }
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = NameGroup(name: entry.name, slug: slugger.slug(for: entry.name), members: [])
                }
                groups[key]?.members.append((account, entry.item))
            }
        }
        return order.compactMap { groups[$0] }
            .map { group in
                let keys = group.members.map { ($0.account.dossier.name, $0.account.dossier.slug) }
                var sorted = group
                sorted.members = keys.indices.sorted { keys[$0] < keys[$1] }.map { group.members[$0] }
                return sorted
            }
            .sorted { (NameSlugger.key($0.name), $0.slug) < (NameSlugger.key($1.name), $1.slug) }
    }
}
