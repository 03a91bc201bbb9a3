/// What `dossier import` did, or with `--dry-run` would do: one entry per account, and every problem.
public struct ImportReport: Sendable, Equatable {
    /// What happens to one account's dossier.
    public enum Change: String, Sendable, Equatable {
        case new, updated, unchanged
    }

    /// One account's dossier.
    public struct Entry: Sendable, Equatable {
        /// The dossier's path, relative to the site.
        public var path: String
        /// New, updated or unchanged.
        public var change: Change
        /// For an update, the keys that change, in the order the import writes them.
        public var keys: [String] = []
    }

    /// One entry per account imported, in the order of the accounts file.
    public var entries: [Entry] = []
    /// Bad rows, conflicts and files left alone, sorted by path, line and column.
    public var diagnostics: [Diagnostic] = []
    /// Whether nothing was written on purpose (`--dry-run`).
    public var isDryRun: Bool
    /// Whether nothing at all was imported because of a problem with the files or the mapping as a whole.
    public var isAborted = false

    /// Whether any problem is an error (the command then exits 1).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// How many entries have `change`.
    public func count(_ change: Change) -> Int { entries.filter { $0.change == change }.count }

    /// The report as terminal lines: the diagnostics, one line per dossier, and a summary.
    public var text: String {
        var lines = diagnostics.map(\.formatted)
        for entry in entries {
            let label = entry.change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append("\(label) \(entry.path)" + (entry.keys.isEmpty ? "" : " (\(entry.keys.joined(separator: ", ")))"))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if isAborted {
            lines.append("import failed: nothing was written")
        } else {
            var summary = "\(count(.new)) new, \(count(.updated)) updated, \(count(.unchanged)) unchanged"
            if errors > 0 { summary += "; \(errors) error\(errors == 1 ? "" : "s") (those rows or accounts were skipped)" }
            summary += isDryRun ? "; dry run: nothing was written" : ""
            lines.append(summary)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
