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
    /// Threads for the per-dossier work (`--jobs`); the output does not depend on it.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
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

    /// `build()` once the lock is held.
    private func buildHoldingLock() -> BuildReport {
        let startedAt = Date()
        var keys = BuildKeys(settings: BuildCache.settingsKey(for: self), sources: BuildCache.sourcesKey(for: self))
        var cache: BuildCache?
        if usesCache {
            keys.gitState = readsHistory ? BuildCache.gitState(of: siteRoot) : ""
            BuildProgress.begin(.loadingCache)
            cache = BuildCache.load(from: cacheFolder)
            if let found = cache, found.settingsKey == keys.settings, found.sourcesKey == keys.sources, found.gitState == keys.gitState,
               found.isUpToDate(siteRoot: siteRoot, output: output, dossierPaths: DossierFileLoader(siteRoot: siteRoot).dossierPaths()) {
                return .upToDate(pages: found.pages.count)
            }
            if cache?.sourcesKey != keys.sources { cache?.sources = [:] }
            cache?.loadEntries(from: cacheFolder)
            BuildCache.forget(in: cacheFolder)
        }
        let (report, next) = build(reusing: cache, keys: keys, startedAt: startedAt)
        if usesCache, var next, !report.hasErrors {
            let pathsWithEntries = { (cache: BuildCache?) in Set((cache?.sources ?? [:]).filter { $0.value.entry != nil }.keys) }
            let hasNewEntries = pathsWithEntries(next) != pathsWithEntries(cache) || next.sources.values.contains { $0.isNew }
            if let cache, !hasNewEntries { next.token = cache.token }
            BuildProgress.begin(.savingCache)
            next.store(in: cacheFolder, hasNewEntries: hasNewEntries)
        }
        return report
    }

    /// The keys this build compares with the cache's.
    private struct BuildKeys: Sendable {
        var settings: String
        var sources: String
        var gitState = ""
    }

    private func build(reusing cache: BuildCache?, keys: BuildKeys, startedAt: Date) -> (BuildReport, BuildCache?) {
        let analysis = SiteAnalysis.analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile, audience: audience, jobs: jobs, cache: cache)
        var report = BuildReport(analysis: analysis)
        let writer = OutputWriter(output: output, siteRoot: siteRoot)
        let (theme, themeDiagnostics) = Theme.load(siteRoot: siteRoot, language: analysis.config.language)
        report.laterDiagnostics += themeDiagnostics
        if let problem = writer.validate() { report.laterDiagnostics.append(problem) }
        guard !report.hasErrors, let theme else { return (report, nil) }
        let privateSections: MarkdownRenderer.PrivateSections = analysis.config.audience.showsPrivate
            ? .shown(label: theme.strings["private_label"]) : .removed
        let markdown = MarkdownRenderer(isUnsafeHTMLAllowed: analysis.config.isUnsafeHTMLAllowed, privateSections: privateSections)
        var histories: [String: AccountHistory] = [:]
        if readsHistory {
            BuildProgress.begin(.history)
            switch SiteHistory.read(siteRoot: siteRoot) {
            case .success(let history):
                histories = history.accountHistories(for: analysis.dossiers, config: analysis.config, asOf: asOf, since: since)
            case .failure(let reason):
                report.notes.append(reason.description)
            }
        }
        let historiesByPath = histories
        let accounts = analysis.dossiers.parallelMap(jobs: jobs, counting: BuildProgress.begin(.markdown, total: analysis.dossiers.count)) { analyzed in
            let path = analyzed.dossier.path
            return Account(analyzed, body: analysis.cachedBodies[path] ?? markdown.render(analyzed.dossier.body), history: historiesByPath[path])
        }
        let accountKeys = Dictionary(accounts.map { account in
            let source = analysis.sources[account.dossier.path]
            return (account.dossier.slug, SiteRenderer.AccountKey(
                file: account.dossier.path + "|" + (source?.contentHash ?? "") + "|" + (account.history?.cacheKey ?? "-"),
                frontMatter: (source?.summaryHash ?? "") + "|" + (account.history?.signalsCacheKey ?? "-")))
        }) { first, _ in first }
        let renderer = SiteRenderer(theme: theme, config: analysis.config, asOf: asOf, settingsKey: keys.settings, jobs: jobs)
        BuildProgress.begin(.planning)
        let pages = renderer.render(accounts, accountKeys: accountKeys)
        let previous = cache?.pages ?? [:]
        switch writer.write(pages, previous: previous, jobs: jobs) {
        case .success(let written):
            report.output = written.summary
            report.laterDiagnostics += written.warnings
            var next = BuildCache(token: UUID().uuidString, sourcesKey: keys.sources, settingsKey: keys.settings, gitState: keys.gitState, pages: written.pages)
            next.sources = Self.sources(of: accounts, analysis, trustingStampsBefore: startedAt.addingTimeInterval(-2))
            return (report, next)
        case .failure(let problem):
            report.laterDiagnostics.append(problem)
            return (report, nil)
        }
    }

    /// What the cache keeps of each dossier: its decoded form, unless the file has warnings (so the next
    /// build reports them again), and its stamp, unless it was changed too near the build to trust it.
    private static func sources(of accounts: [Account], _ analysis: SiteAnalysis, trustingStampsBefore limit: Date) -> [String: BuildCache.Source] {
        let warned = Set(analysis.diagnostics.filter { $0.severity != .note }.map(\.location.path))
        let limitSeconds = Int(limit.timeIntervalSince1970)
        var sources: [String: BuildCache.Source] = [:]
        for account in accounts {
            let path = account.dossier.path
            guard var source = analysis.sources[path] else { continue }
            if warned.contains(path) {
                source.entry = nil
            } else if source.entry == nil {
                var dossier = account.dossier
                dossier.body = ""
                let entry = CachedDossier(dossier: dossier, body: account.body).bytes
                source.entry = entry
                source.entryHash = BuildCache.contentHash(of: entry)
                source.isNew = true
            }
            if let stamp = source.stamp, stamp.seconds >= limitSeconds { source.stamp = nil }
            sources[path] = source
        }
        return sources
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
