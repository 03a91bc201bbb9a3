import Foundation

/// `dossier changes`: what changed in each dossier's front-matter since a day, for a weekly team mail.
public struct ChangeReport: Sendable {
    public var siteRoot: URL
    public var asOf: Day
    /// The day to compare with; a week before the as-of day when nil.
    public var since: Day?
    /// Only these dossiers (all when empty).
    public var slugs: [String] = []
    public var configFile = SiteConfig.fileName
    /// The audience the report is for (`--audience`); nil means the settings' default. For an audience
    /// that does not see private parts, a change of the `private:` mapping is not mentioned at all;
    /// for one that does, it is mentioned without its values.
    public var audience: String?

    public init(siteRoot: URL, asOf: Day, since: Day? = nil, slugs: [String] = [], configFile: String = SiteConfig.fileName, audience: String? = nil) {
        self.siteRoot = siteRoot
        self.asOf = asOf
        self.since = since
        self.slugs = slugs
        self.configFile = configFile
        self.audience = audience
    }

    /// The report as text, or the reason there is none (errors in the site, no git, unknown slugs).
    public func text() -> Result<String, ChangeReportFailure> {
        let analysis = SiteAnalysis.analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile, audience: audience)
        guard !analysis.hasErrors else {
            return .failure(.siteHasErrors(DiagnosticReport.text(analysis.diagnostics.filter { $0.severity != .note }, summary: analysis.summary)))
        }
        let known = Set(analysis.dossiers.map(\.dossier.slug))
        let unknown = slugs.filter { !known.contains($0) }
        guard unknown.isEmpty else { return .failure(.unknownSlugs(unknown)) }
        let history: SiteHistory
        switch SiteHistory.read(siteRoot: siteRoot) {
        case .success(let value): history = value
        case .failure(let reason): return .failure(.noHistory(reason))
        }
        let day = since ?? asOf.adding(days: -7)
        let selected = analysis.dossiers.filter { slugs.isEmpty || slugs.contains($0.dossier.slug) }
        let histories = history.accountHistories(for: selected, config: analysis.config, asOf: asOf, since: day)
        let format = Format(.english)
        var sections: [String] = []
        for analyzed in selected {
            guard let account = histories[analyzed.dossier.path] else { continue }
            var lines: [String] = []
            if account.isNewSinceMeeting {
                lines = ["new dossier"]
            } else if let changes = account.meetingChanges {
                lines = changes.map { $0.text(in: .english) }
            }
            if account.isUncommitted { lines.append("(edited, not committed)") }
            guard !lines.isEmpty else { continue }
            let heading = "\(analyzed.dossier.name) (\(analyzed.dossier.owner)) \(analyzed.dossier.path)"
            // One line per change: a value's control characters and line breaks are shown escaped.
            sections.append(([heading] + lines.map { "  - " + $0 }).map { TerminalText.escaped($0) }.joined(separator: "\n"))
        }
        var text = "Changes since \(format.day(day)), as of \(format.day(asOf))\n\n"
        text += sections.isEmpty ? "No dossier changed.\n" : sections.joined(separator: "\n\n") + "\n"
        return .success(text)
    }
}

/// Why `dossier changes` has nothing to say.
public enum ChangeReportFailure: Error, Equatable, CustomStringConvertible {
    case siteHasErrors(String)
    case unknownSlugs([String])
    case noHistory(HistoryUnavailable)

    public var description: String {
        switch self {
        case .siteHasErrors(let diagnostics): diagnostics + "fix the errors above first"
        case .unknownSlugs(let slugs): "error: no dossier with the slug " + slugs.map { "'\($0)'" }.joined(separator: ", ")
        case .noHistory(let reason): "error: \(reason); changes come from git history"
        }
    }
}
