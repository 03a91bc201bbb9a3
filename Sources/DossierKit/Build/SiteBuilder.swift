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
    /// `2 errors, 1 warning in 14 dossiers`, counting every diagnostic: analysis, templates and writing.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let later = laterDiagnostics.filter { $0.severity != .note }
        let errors = analysis.errorCount + later.count { $0.severity == .error }
        let warnings = analysis.warningCount + later.count { $0.severity == .warning }
        let notes = analysis.noteCount == 0 ? "" : ", \(count(analysis.noteCount, "note"))"
        return "\(count(errors, "error")), \(count(warnings, "warning"))\(notes) in \(count(analysis.fileCount, "dossier"))"
    }
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
    /// Threads for the per-dossier and per-page work (`--jobs`); the output does not depend on it.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Use the build cache (`--no-cache` turns it off): skip the build when nothing it reads changed
    /// since the last successful one, else parse only the changed dossiers and make only the pages
    /// whose inputs changed.
    public var usesCache = false
    /// Where the build cache is kept: `.dossier-cache/` in the site unless set.
    public var cacheFolder: URL
    /// The audience the site is built for (`--audience`); nil means the settings' `default_audience`.
    /// An audience that does not see private parts gets no private value or section in any file.
    public var audience: String?
    /// Shows the build's progress on a terminal (the command line sets it; see `BuildProgress`).
    public var progress: BuildProgress?
    /// Told of every read of the site (`SiteReader`); for tests that count reads.
    public var onRead: (@Sendable (SiteReader.Access) -> Void)?

    /// How the build reads the site.
    private var reader: SiteReader { SiteReader(siteRoot: siteRoot, onAccess: onRead) }

    public init(siteRoot: URL, output: URL? = nil, asOf: Day, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.output = output ?? siteRoot.appendingPathComponent("output")
        self.asOf = asOf
        self.configFile = configFile
        self.cacheFolder = siteRoot.appendingPathComponent(BuildCache.folderName)
    }

    /// Runs the pipeline, redoing only what changed since the last build when the cache is on, or
    /// nothing at all when no input changed.
    ///
    /// Only one build of an output folder runs at a time: a build that finds another one running
    /// stops at once with an error naming its pid (see `OutputLock`).
    public func build() -> BuildReport {
        // Before the lock, whose file would make the folder a mistyped --site names.
        if let notASite = DossierFileLoader.notASite(siteRoot) { return .failed(notASite) }
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(for: output.standardizedFileURL)
        } catch {
            let writer = OutputWriter(output: output, siteRoot: siteRoot)
            return .failed(writer.failure(error.problem(displayPath: writer.displayPath)))
        }
        defer { lock.release() }
        let leftovers = OutputWriter(output: output, siteRoot: siteRoot).removeLeftovers()
        var report = BuildProgress.reporting(to: progress) { buildHoldingLock() }
        report.laterDiagnostics = leftovers + report.laterDiagnostics
        return report
    }

    /// `build()` once the lock is held: reads the inputs once, asks the memo whether anything changed,
    /// runs the stages, and keeps the cache for the next build.
    private func buildHoldingLock() -> BuildReport {
        let startedAt = Date()
        let inputs = SiteInputs.read(with: reader, configFile: configFile, readsHistory: readsHistory)
        let keys = BuildKeys(inputs, asOf: asOf, since: since, audience: audience, output: output)
        if usesCache { BuildProgress.begin(.loadingCache) }
        var memo = usesCache ? BuildMemo(keys: keys, cacheIn: cacheFolder) : BuildMemo(keys: keys)
        let loaded = memo.load(inputs.dossiers, with: inputs.reader, threads: threads)
        if usesCache {
            if memo.isUpToDate(loaded, listing: inputs.dossiers, output: output) { return .upToDate(pages: memo.pageCount) }
            memo.loadEntries(from: cacheFolder)
            BuildCache.forget(in: cacheFolder)
        }
        let (report, made) = runStages(inputs, loaded, memo)
        if usesCache, let made, !report.hasErrors {
            let next = memo.next(made.parsed, listing: inputs.dossiers, pages: made.pages, stamps: made.stamps, startedAt: startedAt)
            BuildProgress.begin(.savingCache)
            next.store(in: cacheFolder)
        }
        return report
    }

    /// What the stages made that the next build's cache keeps.
    private struct Made: Sendable {
        var parsed: [ParsedDossier]
        var pages: [PageJob]
        var stamps: [String: FileStamp]
    }

    /// The pipeline, top to bottom. Each stage is a function of what the stages before it made; the
    /// memo wraps the load, parse and write stages from outside. Stops before writing at any error.
    private func runStages(_ inputs: SiteInputs, _ loaded: [BuildMemo.Loaded], _ memo: BuildMemo) -> (BuildReport, Made?) {
        let (config, settingsDiagnostics) = SiteAnalysis.settings(of: inputs, audience: audience)
        let (theme, themeDiagnostics) = Theme.load(inputs.themeFiles, language: config.language)
        let strings = theme?.strings ?? Strings(language: config.language)
        let markdown = MarkdownRenderer(config: config, strings: strings)
        let parsed = memo.parseEach(loaded, with: inputs.reader, threads: threads) { file in
            DossierPipeline.parse(file, config: config, markdown: markdown, strings: strings)
        }
        var analysis = SiteAnalysis.derive(parsed, config: config, asOf: asOf, threads: threads,
                                           earlierDiagnostics: settingsDiagnostics + inputs.dossiers.diagnostics, fileCount: inputs.dossiers.found)
        analysis.parsedCount = parsed.count { !$0.isFromCache }
        var report = BuildReport(analysis: analysis)
        report.laterDiagnostics += themeDiagnostics
        let writer = OutputWriter(output: output, siteRoot: siteRoot)
        if let problem = writer.validate() { report.laterDiagnostics.append(problem) }
        guard !report.hasErrors, let theme else { return (report, nil) }
        let (histories, historyNote) = SiteHistory.histories(of: analysis, from: inputs, asOf: asOf, since: since)
        report.notes += historyNote.map { [$0] } ?? []
        let accounts = Account.accounts(of: analysis, parsed: parsed, histories: histories)
        let planner = PagePlanner(theme: theme, config: config, asOf: asOf, settingsKey: memo.keys.settings, threads: threads)
        BuildProgress.begin(.planning)
        let pages = planner.plan(accounts, accountKeys: PagePlanner.AccountKey.keys(of: accounts, parsed: parsed))
        switch writer.write(memo.markingUnchanged(pages, in: output), threads: threads) {
        case .success(let written):
            report.output = written.summary
            report.laterDiagnostics += written.warnings
            return (report, Made(parsed: parsed, pages: pages, stamps: written.stamps))
        case .failure(let problem):
            report.laterDiagnostics.append(problem)
            return (report, nil)
        }
    }
}

extension BuildReport {
    /// The report of a build that stopped before analysis with `problem`.
    static func failed(_ problem: Diagnostic) -> BuildReport {
        var report = BuildReport(analysis: SiteAnalysis(config: SiteConfig(), dossiers: [], diagnostics: [], fileCount: 0))
        report.laterDiagnostics = [problem]
        return report
    }

    /// The report of a build that found nothing changed since the last one.
    static func upToDate(pages: Int) -> BuildReport {
        var report = BuildReport(analysis: SiteAnalysis(config: SiteConfig(), dossiers: [], diagnostics: [], fileCount: 0))
        report.isUpToDate = true
        var summary = OutputWriter.Summary()
        summary.unchanged = pages
        report.output = summary
        return report
    }
}
