/// Every buying influence that carries weight needs someone on our side who holds the relationship.
struct UncoveredInfluencerRule: HealthRule {
    let id = "uncovered-influencer"
    let severity = Finding.Severity.medium
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        account.dossier.stakeholders.filter { $0.influence == .high && $0.ourContact == nil }.map { person in
            finding("message", ["name": .text(person.name)], line: person.line, causes: [FindingCause.person(person)])
        }
    }
}
