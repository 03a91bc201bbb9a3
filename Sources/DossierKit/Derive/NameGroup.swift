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
        var firstNames: [String: String] = [:]
        var members: [String: [(index: Int, item: Item)]] = [:]
        for (index, account) in accounts.enumerated() {
            var seen: Set<String> = []
            for entry in names(account) {
                let key = NameSlugger.key(entry.name)
                guard seen.insert(key).inserted else { continue }
                if members[key] == nil {
                    order.append(key)
                    firstNames[key] = entry.name
                }
                members[key, default: []].append((index, entry.item))
            }
        }
        let accountOrder = accounts.map { ($0.dossier.name, $0.dossier.slug) }
        let groups = order.map { key -> (order: (String, String), group: NameGroup) in
            let name = firstNames[key] ?? key
            let slug = slugger.slug(for: name)
            let sorted = (members[key] ?? []).sorted { accountOrder[$0.index] < accountOrder[$1.index] }
            return ((key, slug), NameGroup(name: name, slug: slug, members: sorted.map { (accounts[$0.index], $0.item) }))
        }
        return groups.sorted { $0.order < $1.order }.map(\.group)
    }
}
