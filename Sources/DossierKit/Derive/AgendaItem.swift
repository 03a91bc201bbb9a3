/// A plan item or promise one person on our side must see to soon: what an owner's page lists.
public struct AgendaItem: Sendable, Equatable {
    /// What the item is.
    public enum Kind: String, Sendable {
        /// A step of the account plan (`plan:`).
        case planItem = "plan-item"
        /// A promise we made (`commitments:`, `by: us`).
        case ourCommitment = "our-commitment"
        /// A promise the customer made (`by: customer`): the account's owner follows it up.
        case customerCommitment = "customer-commitment"
    }

    public var kind: Kind
    /// The milestone or promise as written.
    public var text: String
    /// The day it is due now; for an overdue promise whose date was moved, the day first promised
    /// (`original_due`), which lateness is measured against.
    public var due: Day
    /// Past due and not done (for a promise: its status on the day, so a moved date does not hide a miss).
    public var isOverdue: Bool
    /// The file line of the list item.
    public var line: Int

    /// The days ahead an owner's page looks: items due from the as-of day to this many days later.
    public static let horizonDays = 14
}

extension Dossier {
    /// What `person` must see to at this account on `asOf`: items not done that are overdue or due within
    /// `days` days (due on `asOf + days` still counts), overdue first, then by due day, then as written.
    ///
    /// A plan item or our promise is the person's when its `owner` names them, or, without an `owner`,
    /// when they own the account; the customer's promises are the account owner's to follow up.
    /// Names match as owner pages do: ignoring case and spacing.
    public func agenda(of person: String, asOf: Day, days: Int = AgendaItem.horizonDays) -> [AgendaItem] {
        let key = NameSlugger.key(person)
        let ownsAccount = NameSlugger.key(owner) == key
        let horizon = asOf.adding(days: days)
        var items: [AgendaItem] = []
        for milestone in plan where milestone.done == nil {
            guard let due = milestone.due, milestone.owner.map({ NameSlugger.key($0) == key }) ?? ownsAccount else { continue }
            let isOverdue = due < asOf
            guard isOverdue || due <= horizon else { continue }
            items.append(AgendaItem(kind: .planItem, text: milestone.milestone, due: due, isOverdue: isOverdue, line: milestone.line))
        }
        for commitment in commitments where commitment.done == nil {
            guard let due = commitment.due else { continue }
            let isTheirs = commitment.isOurs ? (commitment.owner.map { NameSlugger.key($0) == key } ?? ownsAccount) : ownsAccount
            guard isTheirs else { continue }
            let isOverdue = commitment.status(asOf: asOf) == .overdue
            guard isOverdue || due <= horizon else { continue }
            items.append(AgendaItem(kind: commitment.isOurs ? .ourCommitment : .customerCommitment, text: commitment.promise,
                                    due: isOverdue ? commitment.measuredDue ?? due : due, isOverdue: isOverdue, line: commitment.line))
        }
        return items.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.isOverdue != right.isOverdue { return left.isOverdue }
            return left.due != right.due ? left.due < right.due : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
