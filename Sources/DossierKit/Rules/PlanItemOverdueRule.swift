/// A step of the account plan is past its due date and not done.
struct PlanItemOverdueRule: HealthRule {
    let id = "plan-item-overdue"
    let severity = Finding.Severity.medium

    func findings(in account: RuleInput) -> [Finding] {
        account.figures.overdueMilestones.compactMap { milestone in
            guard let due = milestone.due else { return nil }
            var arguments: [String: MessageArgument] = ["milestone": .text(milestone.milestone), "date": .day(due)]
            if let owner = milestone.owner { arguments["owner"] = .text(owner) }
            return finding(milestone.owner == nil ? "message" : "owned", arguments, line: milestone.line)
        }
    }
}
