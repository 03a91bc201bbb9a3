/// Anyone who can stop the deal and opposes us: a decision maker, economic buyer or blocker, or any
/// stakeholder of high influence. Formerly `opposed-decision-maker` (still accepted in dossier.yml).
struct OpposedStakeholderRule: HealthRule {
    let id = "opposed-stakeholder"
    let severity = Finding.Severity.high
    let mattersInMeetings = true

    /// The roles that can stop a deal on their own.
    static let decisiveRoles: Set<Stakeholder.Role> = [.decisionMaker, .economicBuyer, .blocker]

    func findings(in account: RuleInput) -> [Finding] {
        // Uncoupling: there is no deal left to stop.
        guard account.dossier.stage != .uncoupling else { return [] }
        return account.dossier.stakeholders
            .filter { $0.stance == .opposed && ($0.role.map(Self.decisiveRoles.contains) ?? false || $0.influence == .high) }
            .map { person in
                guard let role = person.role, Self.decisiveRoles.contains(role) else {
                    return finding("influence", ["name": .text(person.name)], line: person.line, subject: FindingCause.person(person))
                }
                return finding("message", ["name": .text(person.name), "role": .word("role_\(role.rawValue)")], line: person.line,
                               subject: FindingCause.person(person))
            }
    }
}
