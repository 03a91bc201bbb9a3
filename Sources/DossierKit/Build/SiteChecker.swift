import Foundation

/// `dossier check`: validates every dossier without writing anything.
public struct SiteChecker: Sendable {
    /// How `check` prints its findings.
    public enum OutputFormat: String, Sendable, CaseIterable {
        /// `path:line:col: severity: message` lines for people and editors.
        case text
        /// One JSON document for tools.
        case json
        /// GitHub Actions workflow commands, shown on the pull request's lines.
        case github
    }

    public var siteRoot: URL
    public var asOf: Day
    /// Treat warnings as errors (notes stay notes).
    public var isStrict = false
    /// List the health rules' findings as `note:` lines.
    public var includesNotes = true
    /// The settings file, relative to the site root.
    public var configFile = SiteConfig.fileName
    /// Take dossiers whose bytes did not change from the build cache instead of parsing them again
    /// (the cache a build of the default audience left; a check never writes it).
    public var usesCache = false
    /// Where the build cache is kept: `.dossier-cache/` in the site unless set.
    public var cacheFolder: URL
    /// Shows the check's progress on a terminal (the command line sets it; see `BuildProgress`).
    public var progress: BuildProgress?
    /// Told of every read of the site (`SiteReader`); for tests that count reads.
    public var onRead: (@Sendable (SiteReader.Access) -> Void)?

    public init(siteRoot: URL, asOf: Day, isStrict: Bool = false, includesNotes: Bool = true, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.asOf = asOf
        self.isStrict = isStrict
        self.includesNotes = includesNotes
        self.configFile = configFile
        self.cacheFolder = siteRoot.appendingPathComponent(BuildCache.folderName)
    }

    /// Checks the site, including the theme's templates; returns the report and whether it passed.
    public func check(format: OutputFormat) -> (output: String, isPassing: Bool) {
        var analysis = BuildProgress.reporting(to: progress) { analyzeSite() }
        if !includesNotes {
            analysis.diagnostics.removeAll { $0.severity == .note }
        }
        if isStrict {
            for index in analysis.diagnostics.indices where analysis.diagnostics[index].severity == .warning {
                analysis.diagnostics[index].severity = .error
            }
        }
        let output = switch format {
        case .text: DiagnosticReport.text(analysis.diagnostics, summary: analysis.summary)
        case .json: DiagnosticReport.json(analysis.diagnostics, errors: analysis.errorCount, warnings: analysis.warningCount,
                                          notes: analysis.noteCount, signals: analysis.signalCount, dossiers: analysis.fileCount)
        case .github: DiagnosticReport.github(analysis.diagnostics, summary: analysis.summary)
        }
        return (output, !analysis.hasErrors)
    }

    /// The stages a check runs: the inputs, the settings, the theme (for its diagnostics), each dossier
    /// parsed (through the build cache's memo when `usesCache`), each derived.
    private func analyzeSite() -> SiteAnalysis {
        let inputs = SiteInputs.read(with: SiteReader(siteRoot: siteRoot, onAccess: onRead), configFile: configFile)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let (config, settingsDiagnostics) = SiteAnalysis.settings(of: inputs, audience: nil)
        let (_, themeDiagnostics) = Theme.load(inputs.themeFiles, language: config.language)
        let keys = BuildKeys(inputs, asOf: asOf, since: nil, audience: nil, output: siteRoot.appendingPathComponent("output"))
        if usesCache { BuildProgress.begin(.loadingCache) }
        var memo = usesCache ? BuildMemo(keys: keys, cacheIn: cacheFolder) : BuildMemo(keys: keys)
        let loaded = memo.load(inputs.dossiers, with: inputs.reader, threads: threads)
        memo.loadEntries(from: cacheFolder)
        let parsed = memo.parseEach(loaded, with: inputs.reader, threads: threads) { file in
            DossierPipeline.parse(file, config: config, markdown: nil)
        }
        var analysis = SiteAnalysis.derive(parsed, config: config, asOf: asOf, threads: threads,
                                           earlierDiagnostics: settingsDiagnostics + inputs.dossiers.diagnostics, fileCount: inputs.dossiers.found)
        analysis.diagnostics = (analysis.diagnostics + themeDiagnostics).sorted { $0.location < $1.location }
        return analysis
    }
}
