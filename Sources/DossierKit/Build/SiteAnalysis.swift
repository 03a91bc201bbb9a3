import Foundation

/// A site read, validated and derived, ready to render or to report on.
public struct SiteAnalysis: Sendable {
    public var config: SiteConfig
    /// Usable dossiers with their figures and findings, sorted by slug.
    public var dossiers: [AnalyzedDossier]
    /// Every diagnostic, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// How many dossier files were found.
    public var fileCount: Int
    /// What the build cache keeps of each usable dossier file, by path.
    var sources: [String: BuildCache.Source] = [:]
    /// How many dossier files were parsed; the others were taken from the build cache.
    public var parsedCount: Int { fileCount - cachedBodies.count }
    /// Rendered bodies of the dossiers taken from the build cache, by path.
    var cachedBodies: [String: RenderedMarkdown] = [:]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    /// Notes that are not positive signals (health findings and other remarks).
    public var noteCount: Int { diagnostics.filter { $0.severity == .note && !$0.isSignal }.count }
    /// Positive health signals ("going well"), listed as notes but counted apart.
    public var signalCount: Int { diagnostics.filter(\.isSignal).count }
    public var hasErrors: Bool { errorCount > 0 }
}

extension SiteAnalysis {
    /// Loads the site at `siteRoot` and runs the per-dossier stages on every file.
    /// Dossiers are processed on `jobs` threads; the result does not depend on it.
    /// `audience` names the audience (`--audience`); nil means the settings' default.
    public static func analyze(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName, audience: String? = nil,
                               jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> SiteAnalysis {
        analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile, audience: audience, jobs: jobs, cache: nil)
    }

    /// The same, taking a dossier whose bytes did not change from `cache` instead of parsing it again
    /// (its figures and findings are derived anew, as they depend on the day). A damaged entry means
    /// an analysis without the cache.
    static func analyze(siteRoot: URL, asOf: Day, configFile: String, audience: String?, jobs: Int, cache: BuildCache?) -> SiteAnalysis {
        var (settings, configDiagnostics) = SiteConfig.load(from: siteRoot, file: configFile)
        if let problem = settings.selectAudience(audience) {
            configDiagnostics.append(Diagnostic(.error, problem, at: SourceLocation(path: configFile), in: .load))
        }
        let config = settings
        let (files, unchanged, loadDiagnostics, found) = DossierFileLoader(siteRoot: siteRoot).loadFiles(reusing: cache)
        let work = files.map { Work.parse($0) } + unchanged.map { Work.reuse(path: $0.path, stamp: $0.stamp) }
        let outcomes = work.parallelMap(jobs: jobs, counting: BuildProgress.begin(.parsing, total: work.count)) { item -> Outcome? in
            switch item {
            case .parse(let file):
                let (analyzed, found) = DossierPipeline.process(file, config: config, asOf: asOf)
                let summaryHash = analyzed.map { BuildCache.summaryHash(of: $0.dossier) } ?? ""
                return Outcome(analyzed: analyzed, diagnostics: found,
                               source: BuildCache.Source(stamp: file.stamp, contentHash: file.contentHash, summaryHash: summaryHash))
            case .reuse(let path, let stamp):
                guard let source = cache?.sources[path], let entry = source.entry, BuildCache.contentHash(of: entry) == source.entryHash,
                      let cached = CachedDossier(bytes: entry), cached.dossier.path == path else { return nil }
                let (analyzed, notes) = DossierPipeline.derive(cached.dossier, config: config, asOf: asOf)
                return Outcome(analyzed: analyzed, diagnostics: notes, source: BuildCache.Source(stamp: stamp, contentHash: source.contentHash, summaryHash: source.summaryHash,
                                                         entry: entry, entryHash: source.entryHash),
                               body: cached.body)
            }
        }
        if cache != nil, outcomes.contains(where: { $0 == nil }) {
            return analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile, audience: audience, jobs: jobs, cache: nil)
        }
        var analysis = SiteAnalysis(config: config, dossiers: [], diagnostics: configDiagnostics + loadDiagnostics, fileCount: found)
        for case let outcome? in outcomes {
            analysis.diagnostics += outcome.diagnostics
            guard let analyzed = outcome.analyzed else { continue }
            analysis.dossiers.append(analyzed)
            analysis.sources[analyzed.dossier.path] = outcome.source
            analysis.cachedBodies[analyzed.dossier.path] = outcome.body
        }
        analysis.dossiers.sort { $0.dossier.slug < $1.dossier.slug }
        analysis.diagnostics.sort { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
        return analysis
    }

    private enum Work: Sendable {
        case parse(SourceFile)
        case reuse(path: String, stamp: FileStamp?)
    }

    private struct Outcome: Sendable {
        var analyzed: AnalyzedDossier?
        var diagnostics: [Diagnostic]
        var source: BuildCache.Source
        var body: RenderedMarkdown?
    }

    /// `2 errors, 1 warning in 14 dossiers`.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let notes = noteCount == 0 ? "" : ", \(count(noteCount, "note"))"
        let signals = signalCount == 0 ? "" : ", \(count(signalCount, "signal"))"
        return "\(count(errorCount, "error")), \(count(warningCount, "warning"))\(notes)\(signals) in \(count(fileCount, "dossier"))"
    }
}
