/// A relationship held by the account's owner alone breaks when the owner leaves: other people on our
/// side should know the customer's people too. From the mid stage on (in pre and early KAM one contact
/// on each side, the "bow tie", is how relationships start), not for `uncoupling`. Judged only where
/// `our_contact` is given; dossiers without contact data are judged by `single-point-of-contact`.
struct SingleThreadedRule: HealthRule {
    let id = "single-threaded"
    let severity = Finding.Severity.medium
    let parameters = ["min_stakeholders": 3]

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        let contacts = dossier.stakeholders.compactMap(\.ourContact)
        guard dossier.stage >= .mid, dossier.stage != .uncoupling,
              dossier.stakeholders.count >= account.parameter("min_stakeholders"), !contacts.isEmpty,
              contacts.allSatisfy({ NameSlugger.key($0) == NameSlugger.key(dossier.owner) }) else { return [] }
        return [finding("message", ["owner": .text(dossier.owner)], count: dossier.stakeholders.count, line: account.line(of: "stakeholders"),
                        causes: [FindingCause.stage])]
    }
}
