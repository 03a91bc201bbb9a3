import Foundation

/// The portfolio as one table, one row per account with the figures a sales director wants, for
/// spreadsheets and scripts (`dossier export`; later the site's `portfolio.csv`).
///
/// Columns come in a fixed order (`columns`); numbers are unformatted (fractions as fractions, 0.145, not
/// 14.5%; amounts in the dossier's currency, named in `currency`), dates ISO (`YYYY-MM-DD`), and an
/// unknown figure is empty (CSV) or `null` (JSON).
public struct PortfolioTable: Sendable, Equatable {
    /// One cell.
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case day(Day)
        case flag(Bool)
        case none

        /// The cell as CSV text: numbers in full, without separators or units.
        var csvText: String {
            switch self {
            case .text(let text): text
            case .number(let value): value.plainText
            case .day(let day): day.description
            case .flag(let value): value ? "true" : "false"
            case .none: ""
            }
        }
    }

    /// The column names, in order.
    public static let columns = [
        "slug", "name", "crm_id", "owner", "stage", "stage_since", "days_in_stage", "target_stage", "target_by", "tier",
        "currency", "wallet_total", "wallet_ours", "share_of_wallet", "on_time_rate", "open_commitments", "overdue_commitments",
        "customer_overdue_commitments", "findings_high", "findings_medium", "findings_low", "next_meeting", "days_until_meeting",
        "open_opportunities", "open_pipeline", "reviewed", "stale",
    ]

    /// The day the figures are computed for.
    public var asOf: Day
    /// One row per account, sorted by slug; each has one value per column.
    public var rows: [[Value]]

    /// The table of every usable dossier of `analysis`.
    public init(analysis: SiteAnalysis, asOf: Day) {
        self.init(analysis.dossiers.map { ($0.dossier, $0.figures, $0.findings) }, config: analysis.config, asOf: asOf)
    }

    /// The table of the accounts a build renders (the site's `portfolio.csv`).
    init(accounts: [Account], config: SiteConfig, asOf: Day) {
        self.init(accounts.map { ($0.dossier, $0.figures, $0.findings) }, config: config, asOf: asOf)
    }

    private init(_ accounts: [(Dossier, AccountFigures, [Finding])], config: SiteConfig, asOf: Day) {
        self.asOf = asOf
        rows = accounts.sorted { $0.0.slug < $1.0.slug }.map { Self.row(of: $0, config: config) }
    }

    private static func row(of account: (dossier: Dossier, figures: AccountFigures, findings: [Finding]), config: SiteConfig) -> [Value] {
        let (dossier, figures) = (account.dossier, account.figures)
        func text(_ value: String?) -> Value { value.map(Value.text) ?? .none }
        func number(_ value: Double?) -> Value { value.map(Value.number) ?? .none }
        func count(_ value: Int?) -> Value { value.map { .number(Double($0)) } ?? .none }
        func day(_ value: Day?) -> Value { value.map(Value.day) ?? .none }
        let findings = { (severity: Finding.Severity) in count(account.findings.filter { $0.severity == severity }.count) }
        let values: [String: Value] = [
            "slug": .text(dossier.slug),
            "name": .text(dossier.name),
            "crm_id": text(dossier.crmID),
            "owner": .text(dossier.owner),
            "stage": .text(dossier.stage.rawValue),
            "stage_since": day(dossier.stageSince),
            "days_in_stage": count(figures.daysInStage),
            "target_stage": text(dossier.target?.stage?.rawValue),
            "target_by": day(dossier.target?.by),
            "tier": text(dossier.tier),
            "currency": .text(dossier.financials?.currency ?? config.currency),
            "wallet_total": number(dossier.financials?.wallet?.total),
            "wallet_ours": number(dossier.financials?.wallet?.ours),
            "share_of_wallet": number(figures.shareOfWallet),
            "on_time_rate": number(figures.onTimeRate),
            "open_commitments": count(figures.open.count),
            "overdue_commitments": count(figures.overdue.count),
            "customer_overdue_commitments": count(figures.customerOverdue.count),
            "findings_high": findings(.high),
            "findings_medium": findings(.medium),
            "findings_low": findings(.low),
            "next_meeting": day(dossier.nextMeeting?.date),
            "days_until_meeting": count(figures.daysUntilMeeting),
            "open_opportunities": count(dossier.openOpportunities.count),
            "open_pipeline": .number(dossier.openPipelineValue),
            "reviewed": day(dossier.reviewed),
            "stale": .flag(figures.isStale),
        ]
        return columns.map { values[$0] ?? .none }
    }

    /// The table as CSV (RFC 4180, UTF-8, CRLF line ends), the header first. `excel` puts a UTF-8
    /// byte-order mark in front, so Excel reads the text as UTF-8 (names such as 华信电子 stay whole), and
    /// a `'` before text that starts with `=`, `+`, `-`, `@`, a tab or CR, which Excel would otherwise run
    /// as a formula (a dossier's name may come from anyone who can edit the site, or from a CRM).
    public func csv(excel: Bool = false) -> String {
        func cell(_ value: Value) -> String {
            guard excel, case .text(let text) = value, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
                return value.csvText
            }
            return "'" + text
        }
        return (excel ? "\u{FEFF}" : "") + CSVText.record(Self.columns) + rows.map { CSVText.record($0.map(cell)) }.joined()
    }

    /// The table as JSON: `{"as_of": ..., "columns": [...], "accounts": [{column: value}, ...]}`, one account per
    /// line with its keys in column order, numbers as JSON numbers in the shortest form that reads back the
    /// same (Foundation's encoder rounds to 16 digits), dates as ISO text, unknown figures as `null`.
    public func json() -> String {
        let string = JSONValue.quoted
        func value(_ cell: Value) -> String {
            switch cell {
            case .text(let text): string(text)
            case .number(let number): number.plainText
            case .day(let day): string(day.description)
            case .flag(let flag): flag ? "true" : "false"
            case .none: "null"
            }
        }
        let accounts = rows.map { row in
            "    {" + zip(Self.columns, row).map { "\(string($0)): \(value($1))" }.joined(separator: ", ") + "}"
        }
        return "{\n  \"as_of\": \(string(asOf.description)),\n  \"columns\": [" + Self.columns.map(string).joined(separator: ", ") + "],\n"
            + "  \"accounts\": [" + (accounts.isEmpty ? "" : "\n" + accounts.joined(separator: ",\n") + "\n  ") + "]\n}\n"
    }
}
