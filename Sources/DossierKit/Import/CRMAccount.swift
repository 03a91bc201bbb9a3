/// One account as a CRM export describes it: its row in the accounts file, with the contacts and
/// opportunities rows that name it.
struct CRMAccount: Sendable, Equatable {
    /// A contact row: a person at the account.
    struct Contact: Sendable, Equatable {
        var name: String
        var title: String?
    }

    /// An opportunity row, in the account plan's terms.
    struct Deal: Sendable, Equatable {
        var name: String
        var value: Double?
        var stage: Opportunity.SalesStage?
        var close: Day?
        var owner: String?
    }

    var crmID: String
    var name: String
    /// From the owner column, else `--owner`; nil when neither gives one.
    var owner: String?
    /// Whether the owner came from the CRM's owner column (then the CRM owns it).
    var ownerIsFromCRM = false
    /// Only when the mapping names a stage column.
    var stage: Stage?
    var tier: String?
    var industry: String?
    var city: String?
    var revenue: Double?
    var employees: Int?
    var contacts: [Contact] = []
    var deals: [Deal] = []
    /// The line of its row in the accounts file.
    var line: Int
}
