/// A decision maker or economic buyer who opposes us can stop any deal.
struct OpposedDeciderRule: HealthRule {
    let id = "opposed-decision-maker"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        account.dossier.stakeholders
            .filter { $0.stance == .opposed && ($0.role == .decisionMaker || $0.role == .economicBuyer) }
            .map { person in
                finding("message", ["name": .text(person.name), "role": .word("role_\(person.role?.rawValue ?? "")")], line: person.line)
            }
    }
}
