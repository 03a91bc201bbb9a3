/// In a pilot or trial the customer is testing us: every open promise counts.
struct CustomerTestingUsRule: HealthRule {
    let id = "customer-testing-us"
    let title = "Customer is testing us"
    let severity = Finding.Severity.high
    let explanation = "In a pilot or trial the customer is testing us and expects visible improvement quickly: keep every promise."
    let mattersInMeetings = true

    func findings(in account: RuleInput) -> [Finding] {
        guard let engagement = account.dossier.engagement, engagement == .pilot || engagement == .trial else { return [] }
        let open = account.figures.overdue + account.figures.open
        var message = "\(engagement.rawValue): "
        if open.isEmpty {
            message += "no open commitments"
        } else {
            let dues = open.compactMap(\.due).sorted()
            message += "\(open.count) open commitment\(open.count == 1 ? "" : "s")"
            if let next = dues.first {
                let days = account.asOf.days(until: next)
                message += days >= 0 ? ", next due in \(days) days" : ", one overdue by \(-days) days"
            }
        }
        return [finding(message, line: account.line(of: "engagement"))]
    }
}
