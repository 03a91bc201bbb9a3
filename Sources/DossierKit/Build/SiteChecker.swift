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
    /// Shows the check's progress on a terminal (the command line sets it; see `BuildProgress`).
    public var progress: BuildProgress?

    public init(siteRoot: URL, asOf: Day, isStrict: Bool = false, includesNotes: Bool = true, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.asOf = asOf
        self.isStrict = isStrict
        self.includesNotes = includesNotes
        self.configFile = configFile
    }

    /// Checks the site, including the theme's templates; returns the report and whether it passed.
    public func check(format: OutputFormat) -> (output: String, isPassing: Bool) {
        var analysis = BuildProgress.reporting(to: progress) { SiteAnalysis.analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile) }
        let (_, themeDiagnostics) = Theme.load(siteRoot: siteRoot, language: analysis.config.language)
        analysis.diagnostics = (analysis.diagnostics + themeDiagnostics).sorted { $0.location < $1.location }
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
}
