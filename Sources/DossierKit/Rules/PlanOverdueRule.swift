/// The plan has slipped: the target date has passed, or milestones are overdue.
struct PlanOverdueRule: HealthRule {
    let id = "plan-overdue"
    let title = "Plan overdue"
    let severity = Finding.Severity.medium
    let explanation = "The account plan has slipped: revise the timetable or act on the overdue milestones."

    func findings(in account: RuleInput) -> [Finding] {
        let dossier = account.dossier
        var found: [Finding] = []
        if let target = dossier.target, let by = target.by, by < account.asOf, let stage = target.stage, stage > dossier.stage {
            found.append(finding("target date \(by) for \(stage.title) has passed", line: account.line(of: "target")))
        }
        for milestone in account.figures.overdueMilestones {
            let due = milestone.due.map { " (due \($0))" } ?? ""
            found.append(finding("milestone overdue: \(milestone.milestone)\(due)", line: milestone.line))
        }
        return found
    }
}
