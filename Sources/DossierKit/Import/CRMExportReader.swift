import Foundation

/// Turns a CRM's accounts, contacts and opportunities tables into accounts, reporting every bad row as
/// `file.csv:LINE:COL: error: ...` at the bad value and skipping it.
struct CRMExportReader {
    var mapping: ImportMapping
    /// The owner of accounts whose owner column is empty or absent (`--owner`).
    var defaultOwner: String?
    /// The year `Annual Revenue` and `Employees` are recorded for.
    var revenueYear: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(mapping: ImportMapping, defaultOwner: String?, revenueYear: Int) {
        self.mapping = mapping
        self.defaultOwner = defaultOwner
        self.revenueYear = revenueYear
    }

    /// A bad value in a row; the row is skipped.
    private struct RowError: Error {
        var diagnostic: Diagnostic
    }

    /// The accounts of `accounts`, with the contacts and opportunities rows that name them, in the order of
    /// the accounts file.
    mutating func read(accounts: CSVTable, contacts: CSVTable?, opportunities: CSVTable?) -> [CRMAccount] {
        guard let accountColumns = columns(of: accounts, mapping.accounts, required: [.crmID, .name], purpose: Self.accountPurpose) else { return [] }
        if accountColumns[.owner] == nil, defaultOwner == nil {
            report(missing: mapping.accounts[.owner] ?? "owner", purpose: "the account's owner; or give --owner NAME for all", in: accounts)
            return []
        }
        var result: [CRMAccount] = []
        var indexByName: [String: Int] = [:]
        var lineByID: [String: Int] = [:]
        var skippedNames: Set<String> = []
        for record in accounts.records {
            let row = Row(table: accounts, record: record, columns: accountColumns)
            do throws(RowError) {
                let crmID = try row.requiredText(.crmID)
                let name = try row.requiredText(.name)
                if let other = lineByID[crmID] {
                    throw RowError(diagnostic: Diagnostic(.error, .csvDuplicateAccount(crmID: crmID, otherLine: other),
                                                          at: accounts.location(of: record, column: accountColumns[.crmID] ?? 0), in: .crmImport))
                }
                var account = CRMAccount(crmID: crmID, name: name, line: record.start.line)
                if let owner = try row.text(.owner) {
                    account.owner = owner
                    account.ownerIsFromCRM = true
                } else {
                    account.owner = defaultOwner
                }
                if account.owner == nil {
                    throw RowError(diagnostic: Diagnostic(.error, .csvEmptyValue(column: accountColumns.name(.owner) ?? "owner"),
                                                          at: accounts.location(of: record, column: accountColumns[.owner] ?? 0), in: .crmImport))
                }
                account.stage = try row.keyword(.stage, named: "a dossier stage")
                account.tier = try row.text(.tier)
                account.industry = try row.text(.industry)
                account.city = try row.text(.city)
                account.revenue = try row.number(.revenue, range: -1e15...1e15)
                account.employees = try row.number(.employees, range: 0...100_000_000, whole: true).map { Int($0) }
                lineByID[crmID] = record.start.line
                if indexByName[name] == nil { indexByName[name] = result.count }
                result.append(account)
            } catch {
                diagnostics.append(error.diagnostic)
                if let name = row.rawText(.name) { skippedNames.insert(name) }
            }
        }
        let names = Array(indexByName.keys).sorted()
        if let contacts, let columns = columns(of: contacts, mapping.contacts, required: [.account], purpose: Self.contactPurpose) {
            let hasFullName = columns[.name] != nil
            if !hasFullName, columns[.firstName] == nil, columns[.lastName] == nil {
                report(missing: mapping.contacts[.lastName] ?? "Last Name", purpose: "the contact's name", in: contacts)
            } else {
                for record in contacts.records {
                    let row = Row(table: contacts, record: record, columns: columns)
                    do throws(RowError) {
                        guard let index = try account(of: row, names: names, indexByName: indexByName, skipped: skippedNames) else { continue }
                        var name = try row.text(.name)
                        if name == nil {
                            name = [try row.text(.firstName), try row.text(.lastName)].compactMap { $0 }.joined(separator: " ")
                        }
                        guard let name, !name.isEmpty else { _ = try row.requiredText(hasFullName ? .name : .lastName); continue }
                        result[index].contacts.append(CRMAccount.Contact(name: name, title: try row.text(.title)))
                    } catch {
                        diagnostics.append(error.diagnostic)
                    }
                }
            }
        }
        if let opportunities, let columns = columns(of: opportunities, mapping.opportunities, required: [.account, .name], purpose: Self.opportunityPurpose) {
            for record in opportunities.records {
                let row = Row(table: opportunities, record: record, columns: columns)
                do throws(RowError) {
                    guard let index = try account(of: row, names: names, indexByName: indexByName, skipped: skippedNames) else { continue }
                    let deal = CRMAccount.Deal(
                        name: try row.requiredText(.name),
                        value: try row.number(.amount, range: 0...1e15),
                        stage: try row.salesStage(.stage, stages: mapping.salesStages),
                        close: try row.day(.close, mapping: mapping),
                        owner: try row.text(.owner)
                    )
                    result[index].deals.append(deal)
                } catch {
                    diagnostics.append(error.diagnostic)
                }
            }
        }
        return result
    }

    static let accountPurpose: [ImportMapping.AccountField: String] = [.crmID: "the CRM's account id", .name: "the account's name"]
    static let contactPurpose: [ImportMapping.ContactField: String] = [.account: "the contact's account, by name"]
    static let opportunityPurpose: [ImportMapping.OpportunityField: String] = [.account: "the opportunity's account, by name", .name: "the opportunity's name"]

    /// The index of the account a contact or opportunity row names; nil (skipped silently) for an account whose own row was skipped.
    private func account<Field>(of row: Row<Field>, names: [String], indexByName: [String: Int], skipped: Set<String>) throws(RowError) -> Int?
    where Field: RawRepresentable & Hashable, Field.RawValue == String {
        guard let field = Field(rawValue: "account") else { return nil }
        let name = try row.requiredText(field)
        if let index = indexByName[name] { return index }
        if skipped.contains(name) { return nil }
        throw RowError(diagnostic: Diagnostic(.error, .csvUnknownAccount(column: row.columns.name(field) ?? "account", name: name,
                                                                          suggestion: Suggestion.closest(to: name, among: names)),
                                              at: row.location(field), in: .crmImport))
    }

    /// The columns of `table` for the fields the mapping names; nil after reporting when a required one is missing.
    private mutating func columns<Field>(of table: CSVTable, _ names: [Field: String], required: [Field], purpose: [Field: String]) -> Columns<Field>? {
        var columns = Columns<Field>(names: names)
        for (field, name) in names {
            if let index = table.column(named: name) { columns.indices[field] = index }
        }
        for field in required where columns.indices[field] == nil {
            report(missing: names[field] ?? field.rawValue, purpose: purpose[field] ?? field.rawValue, in: table)
            return nil
        }
        return columns
    }

    private mutating func report(missing column: String, purpose: String, in table: CSVTable) {
        let suggestion = Suggestion.closest(to: column, among: table.header)
        diagnostics.append(Diagnostic(.error, .csvMissingColumn(column: column, purpose: purpose, header: table.header, suggestion: suggestion),
                                      at: SourceLocation(path: table.path, line: table.headerLine), in: .crmImport))
    }

    /// Which column holds each field.
    private struct Columns<Field: Hashable & RawRepresentable> where Field.RawValue == String {
        var names: [Field: String]
        var indices: [Field: Int] = [:]
        subscript(field: Field) -> Int? { indices[field] }
        func name(_ field: Field) -> String? { indices[field] == nil ? nil : names[field] }
    }

    /// One record, read field by field; each reader throws the diagnostic of a bad value.
    private struct Row<Field: Hashable & RawRepresentable> where Field.RawValue == String {
        var table: CSVTable
        var record: CSVTable.Record
        var columns: Columns<Field>

        func location(_ field: Field) -> SourceLocation { table.location(of: record, column: columns[field] ?? 0) }

        func fail(_ field: Field, _ value: String, expected: String) -> RowError {
            RowError(diagnostic: Diagnostic(.error, .csvBadValue(column: columns.name(field) ?? field.rawValue, value: value.count > 60 ? String(value.prefix(60)) + "…" : value, expected: expected),
                                            at: location(field), in: .crmImport))
        }

        /// The field's text as written, trimmed; nil when the column is absent or the row is short.
        func rawText(_ field: Field) -> String? {
            guard let index = columns[field], record.fields.indices.contains(index) else { return nil }
            let text = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }

        /// The field's text, trimmed; nil when empty. Control characters (but tab and line feed) are refused.
        func text(_ field: Field) throws(RowError) -> String? {
            guard let text = rawText(field) else { return nil }
            if let character = NodeReader.firstControlCharacter(in: text) {
                throw fail(field, text, expected: "text without control characters (it has \(character))")
            }
            return text
        }

        func requiredText(_ field: Field) throws(RowError) -> String {
            guard let text = try text(field) else {
                throw RowError(diagnostic: Diagnostic(.error, .csvEmptyValue(column: columns.name(field) ?? field.rawValue), at: location(field), in: .crmImport))
            }
            return text
        }

        /// A plain number: digits, an optional minus sign and decimal point (a decimal comma in a `;` file).
        func number(_ field: Field, range: ClosedRange<Double>, whole: Bool = false) throws(RowError) -> Double? {
            guard let text = try text(field) else { return nil }
            let normalized = table.delimiter == ";" ? text.replacingOccurrences(of: ",", with: ".") : text
            let isPlain = normalized.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
            guard isPlain, let value = Double(normalized), range.contains(value), !whole || value == value.rounded() else {
                let kind = whole ? "a whole number" : "a number"
                func bound(_ value: Double) -> String { abs(value) == 1e15 ? (value < 0 ? "-10^15" : "10^15") : YAMLText.number(value) }
                throw fail(field, text, expected: "\(kind) from \(bound(range.lowerBound)) to \(bound(range.upperBound)), "
                           + "written without thousands separators, units or currency signs (such as 1840000)")
            }
            return value
        }

        func day(_ field: Field, mapping: ImportMapping) throws(RowError) -> Day? {
            guard let text = try text(field) else { return nil }
            guard let day = mapping.day(from: text) else {
                throw fail(field, text, expected: "a real date written \(mapping.dateFormat.rawValue) or YYYY-MM-DD (set date_format in the --map file)")
            }
            return day
        }

        func keyword<K: Keyword>(_ field: Field, named: String) throws(RowError) -> K? {
            guard let text = try text(field) else { return nil }
            if let value = K(rawValue: text) ?? K(rawValue: text.lowercased()) { return value }
            let suggestion = Suggestion.closest(to: text.lowercased(), among: K.allowedWords)
            throw fail(field, text, expected: "\(named): \(K.allowedWords.joined(separator: ", "))" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
        }

        func salesStage(_ field: Field, stages: [String: Opportunity.SalesStage]) throws(RowError) -> Opportunity.SalesStage? {
            guard let text = try text(field) else { return nil }
            if let stage = stages[text.lowercased()] { return stage }
            let known = stages.keys.sorted()
            let suggestion = Suggestion.closest(to: text.lowercased(), among: known)
            throw fail(field, text, expected: "a stage listed under sales_stages in the --map file (\(known.joined(separator: ", ")))"
                       + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        }
    }
}
