/// We are in touch with the people who decide: a decision maker's `last_contact` is within `days` days.
struct NewDecisionMakerContactSignal: HealthSignal {
    let id = "new-decision-maker-contact"
    let parameters = ["days": 30]

    func signals(in account: RuleInput) -> [Signal] {
        let recent = account.dossier.stakeholders.filter { person in
            guard person.role == .decisionMaker, let contact = person.lastContact, contact <= account.asOf else { return false }
            return contact.days(until: account.asOf) <= account.parameter("days")
        }
        guard let first = recent.first, let latest = recent.compactMap(\.lastContact).max() else { return [] }
        return [signal("message", ["names": .texts(recent.map(\.name)), "date": .day(latest)], line: first.line)]
    }
}
