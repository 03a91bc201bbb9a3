/// The plan has slipped: the target date has passed, or milestones are overdue.
struct PlanOverdueRule: HealthRule {
    let id = "plan-overdue"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        var found: [Finding] = []
        if let target = dossier.target, let by = target.by, by < account.asOf, let stage = target.stage, stage > dossier.stage {
            found.append(finding("target", ["date": .day(by), "stage": .stage(stage)], line: account.line(of: "target")))
        }
        for milestone in account.figures.overdueMilestones {
            guard let due = milestone.due else { continue }
            found.append(finding("milestone", ["milestone": .text(milestone.milestone), "date": .day(due)], line: milestone.line))
        }
        return found
    }
}
