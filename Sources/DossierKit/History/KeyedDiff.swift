/// Two versions of a list matched item by item on a key (a name, a promise, a year): the one place
/// the change detector pairs list items.
enum KeyedDiff {
    /// The messages `each` gives for every item of `new`, in order, with the first item of `old` that
    /// has its key (nil for an added item), then those `removed` gives for every item of `old` whose
    /// key `new` no longer has.
    static func messages<Item, Key: Hashable>(_ old: [Item], _ new: [Item], by key: (Item) -> Key,
                                              each: (_ item: Item, _ previous: Item?) -> [Message],
                                              removed: (Item) -> [Message] = { _ in [] }) -> [Message] {
        var before: [Key: Item] = [:]
        for item in old where before[key(item)] == nil { before[key(item)] = item }
        var changes = new.flatMap { each($0, before[key($0)]) }
        let kept = Set(new.map(key))
        changes += old.filter { !kept.contains(key($0)) }.flatMap(removed)
        return changes
    }
}
