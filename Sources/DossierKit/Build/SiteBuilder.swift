import Foundation

/// What a build or a check did: its diagnostics and, for a build, the pages written.
public struct BuildReport: Sendable {
    public var analysis: SiteAnalysis
    /// Problems found after analysis: templates and writing.
    public var laterDiagnostics: [Diagnostic] = []
    /// Things worth saying once that are not about a file, such as why reports show no history.
    public var notes: [String] = []
    /// Nothing the build reads changed since the last successful build, so nothing was done.
    public var isUpToDate = false
    /// What the write stage did, when it ran.
    public var output: OutputWriter.Summary?
    /// Files written or kept: every file of the site.
    public var writtenFiles: Int { (output?.written ?? 0) + (output?.unchanged ?? 0) }

    /// Every diagnostic, in report order.
    public var diagnostics: [Diagnostic] { analysis.diagnostics + laterDiagnostics }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// Errors and warnings: the diagnostics without the health rules' notes.
    public var problems: [Diagnostic] { diagnostics.filter { $0.severity != .note } }
}

/// Builds a site: analyze, render Markdown, render templates, write. Writes nothing when there is any error.
public struct SiteBuilder: Sendable {
    public var siteRoot: URL
    public var output: URL
    public var asOf: Day
    /// The settings file, relative to the site root.
    public var configFile: String
    /// Read the dossiers' git history for the reports and briefs (off for byte-for-byte fixtures).
    public var readsHistory = true
    /// The day the brief's changes are counted from, instead of the previous meeting (`--since`).
    public var since: Day?
    /// Threads for the per-dossier work (`--jobs`); the output does not depend on it.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Skip the build when nothing it reads changed since the last successful one (`--no-cache` turns it off).
    public var usesCache = false

    public init(siteRoot: URL, output: URL? = nil, asOf: Day, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.output = output ?? siteRoot.appendingPathComponent("output")
        self.asOf = asOf
        self.configFile = configFile
    }

    /// Runs the whole pipeline, or nothing when the cache shows that no input changed.
    public func build() -> BuildReport {
        let digest = usesCache ? BuildDigest.compute(for: self) : nil
        if let digest, digest == BuildDigest.stored(in: siteRoot), let files = OutputWriter(output: output, siteRoot: siteRoot).intactFiles() {
            var report = BuildReport(analysis: SiteAnalysis(config: SiteConfig(), dossiers: [], diagnostics: [], fileCount: 0))
            report.isUpToDate = true
            var summary = OutputWriter.Summary()
            summary.unchanged = files
            report.output = summary
            return report
        }
        if usesCache { BuildDigest.forget(in: siteRoot) }
        let report = fullBuild()
        if let digest, !report.hasErrors, report.output != nil { digest.store(in: siteRoot) }
        return report
    }

    private func fullBuild() -> BuildReport {
        let analysis = SiteAnalysis.analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile, jobs: jobs)
        var report = BuildReport(analysis: analysis)
        let writer = OutputWriter(output: output, siteRoot: siteRoot)
        let (theme, themeDiagnostics) = Theme.load(siteRoot: siteRoot, language: analysis.config.language)
        report.laterDiagnostics += themeDiagnostics
        if let problem = writer.validate() { report.laterDiagnostics.append(problem) }
        guard !report.hasErrors, let theme else { return report }
        let markdown = MarkdownRenderer(isUnsafeHTMLAllowed: analysis.config.isUnsafeHTMLAllowed)
        var histories: [String: AccountHistory] = [:]
        if readsHistory {
            switch SiteHistory.read(siteRoot: siteRoot) {
            case .success(let history):
                histories = history.accountHistories(for: analysis.dossiers, config: analysis.config, asOf: asOf, since: since)
            case .failure(let reason):
                report.notes.append(reason.description)
            }
        }
        let found = histories
        let accounts = analysis.dossiers.parallelMap(jobs: jobs) { Account($0, body: markdown.render($0.dossier.body), history: found[$0.dossier.path]) }
        let files = SiteRenderer(theme: theme, config: analysis.config, asOf: asOf, jobs: jobs).render(accounts)
        switch writer.write(files) {
        case .success(let summary): report.output = summary
        case .failure(let problem): report.laterDiagnostics.append(problem)
        }
        return report
    }
}
