import Testing
@testable import DossierKit

/// The change detector's one pairing of list items: new items in order with their previous version,
/// then the removed ones; the first of two items with one key is the one compared.
@Suite struct KeyedDiffTests {
    private struct Item {
        var name: String
        var value: Int
    }

    @Test func pairsByKeyInTheNewOrderThenListsTheRemoved() {
        let old = [Item(name: "a", value: 1), Item(name: "b", value: 2), Item(name: "a", value: 9), Item(name: "c", value: 3)]
        let new = [Item(name: "c", value: 4), Item(name: "d", value: 5), Item(name: "a", value: 1)]
        let messages = KeyedDiff.messages(old, new, by: \.name) { item, previous in
            [Message("pair", ["name": .text(item.name), "old": previous.map { .number($0.value) } ?? .word("none"), "new": .number(item.value)])]
        } removed: { item in
            [Message("removed", ["name": .text(item.name)])]
        }
        #expect(messages == [
            Message("pair", ["name": .text("c"), "old": .number(3), "new": .number(4)]),
            Message("pair", ["name": .text("d"), "old": .word("none"), "new": .number(5)]),
            Message("pair", ["name": .text("a"), "old": .number(1), "new": .number(1)]),
            Message("removed", ["name": .text("b")]),
        ])
    }
}
