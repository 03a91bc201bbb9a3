import Foundation
import Yams

/// Which CSV column fills which dossier field, for each of the three files a CRM exports.
///
/// The default follows Salesforce's standard export names; a mapping file (`dossier import --map FILE`)
/// overrides any of them, and a column set to `~` is not imported. See docs/working-with-other-tools.md.
public struct ImportMapping: Sendable, Equatable {
    /// The fields an accounts row fills.
    public enum AccountField: String, Sendable, CaseIterable {
        case crmID = "crm_id", name, owner, industry, revenue, employees, city, stage, tier
    }

    /// The fields a contacts row fills (a stakeholder).
    public enum ContactField: String, Sendable, CaseIterable {
        case account, name, firstName = "first_name", lastName = "last_name", title
    }

    /// The fields an opportunities row fills.
    public enum OpportunityField: String, Sendable, CaseIterable {
        case account, name, amount, stage, close, owner
    }

    /// How dates are written in the CSV files.
    public enum DateFormat: String, Sendable, CaseIterable, Keyword {
        /// `2027-03-31`, or with a time after it (`2027-03-31T00:00:00Z`).
        case iso = "YYYY-MM-DD"
        /// `3/31/2027` (Salesforce and Dynamics in US English).
        case monthFirst = "MM/DD/YYYY"
        /// `31/03/2027`.
        case dayFirst = "DD/MM/YYYY"
        /// `31.03.2027`.
        case dotted = "DD.MM.YYYY"
    }

    /// Column names of the accounts file, by the field they fill.
    public var accounts: [AccountField: String]
    /// Column names of the contacts file.
    public var contacts: [ContactField: String]
    /// Column names of the opportunities file.
    public var opportunities: [OpportunityField: String]
    /// The CRM's opportunity stages (compared ignoring case) and the sales stage each means.
    public var salesStages: [String: Opportunity.SalesStage]
    /// The date format; ISO dates are always accepted too.
    public var dateFormat: DateFormat

    /// Salesforce's standard export column names and opportunity stages.
    public static let salesforce = ImportMapping(
        accounts: [.crmID: "Account ID", .name: "Account Name", .owner: "Account Owner", .industry: "Industry",
                   .revenue: "Annual Revenue", .employees: "Employees", .city: "Billing City"],
        contacts: [.account: "Account Name", .firstName: "First Name", .lastName: "Last Name", .title: "Title"],
        opportunities: [.account: "Account Name", .name: "Opportunity Name", .amount: "Amount", .stage: "Stage",
                        .close: "Close Date", .owner: "Opportunity Owner"],
        salesStages: [
            "prospecting": .qualify, "qualification": .qualify, "needs analysis": .qualify, "value proposition": .qualify,
            "id. decision makers": .qualify, "perception analysis": .qualify, "proposal/price quote": .propose,
            "negotiation/review": .negotiate, "closed won": .won, "closed lost": .lost,
            "qualify": .qualify, "propose": .propose, "negotiate": .negotiate, "won": .won, "lost": .lost,
        ],
        dateFormat: .monthFirst
    )

    /// The default mapping with the overrides of the mapping file `text` (YAML) at `path`.
    static func load(_ text: String, path: String) -> (ImportMapping, [Diagnostic]) {
        var mapping = salesforce
        let frontMatter = FrontMatter(yaml: text, yamlLine: 1, body: "", bodyLine: 1)
        let (root, yamlDiagnostics) = YAMLComposer.compose(frontMatter, path: path)
        guard yamlDiagnostics.isEmpty else { return (mapping, yamlDiagnostics) }
        var reader = NodeReader(path: path, yamlLine: 1, yaml: text)
        guard let root, !reader.isNull(root) else { return (mapping, []) }
        reader.reportControlCharacters(in: root, at: nil)
        guard let fields = reader.fields(of: root, at: nil, known: ["accounts", "contacts", "opportunities", "sales_stages", "date_format"]) else {
            return (mapping, reader.diagnostics)
        }
        func columns<Field: RawRepresentable & CaseIterable>(_ key: String, into table: inout [Field: String]) where Field.RawValue == String {
            guard let section = reader.fields(of: fields[key], at: key, known: Field.allCases.map(\.rawValue)) else { return }
            for field in Field.allCases {
                guard let node = section[field.rawValue] else { continue }
                table[field] = reader.text(node, at: section.path(field.rawValue))  // `~` or empty: not imported
            }
        }
        columns("accounts", into: &mapping.accounts)
        columns("contacts", into: &mapping.contacts)
        columns("opportunities", into: &mapping.opportunities)
        if let node = fields["sales_stages"], case .mapping(let stages) = node {
            for (key, value) in stages {
                guard let name = key.scalar?.string else { continue }
                if let stage: Opportunity.SalesStage = reader.keyword(value, at: "sales_stages.\(name)", named: "sales stage") {
                    mapping.salesStages[name.lowercased()] = stage
                }
            }
        } else if let node = fields["sales_stages"], !reader.isNull(node) {
            reader.report(.notAMapping(key: "sales_stages", found: "a single value"), at: node)
        }
        if let format: DateFormat = reader.keyword(fields["date_format"], at: "date_format", named: "date format") {
            mapping.dateFormat = format
        }
        return (mapping, reader.diagnostics)
    }

    /// The day `text` means in this mapping's date format (or ISO), nil when it is none.
    func day(from text: String) -> Day? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(parsing: String(text.prefix(10))), text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " " {
            return day
        }
        let separator: Character = dateFormat == .dotted ? "." : "/"
        let date = text.split(separator: " ").first.map(String.init) ?? text  // a time after the date is ignored
        let parts = date.split(separator: separator, omittingEmptySubsequences: false)
        guard dateFormat != .iso, parts.count == 3, parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        return dateFormat == .monthFirst ? Day(year: year, month: first, day: second) : Day(year: year, month: second, day: first)
    }
}
