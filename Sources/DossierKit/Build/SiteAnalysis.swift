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

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }
    public var hasErrors: Bool { errorCount > 0 }
}

extension SiteAnalysis {
    /// Loads the site at `siteRoot` and runs the per-dossier stages on every file.
    /// Dossiers are processed on `jobs` threads; the result does not depend on it.
    public static func analyze(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName,
                               jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> SiteAnalysis {
        let (config, configDiagnostics) = SiteConfig.load(from: siteRoot, file: configFile)
        let (files, loadDiagnostics, found) = DossierFileLoader(siteRoot: siteRoot).loadFiles()
        var diagnostics = configDiagnostics + loadDiagnostics
        var dossiers: [AnalyzedDossier] = []
        for (analyzed, found) in files.parallelMap(jobs: jobs, { DossierPipeline.process($0, config: config, asOf: asOf) }) {
            diagnostics += found
            if let analyzed { dossiers.append(analyzed) }
        }
        dossiers.sort { $0.dossier.slug < $1.dossier.slug }
        diagnostics.sort { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
        return SiteAnalysis(config: config, dossiers: dossiers, diagnostics: diagnostics, fileCount: found)
    }

    /// `2 errors, 1 warning in 14 dossiers`.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let notes = noteCount == 0 ? "" : ", \(count(noteCount, "note"))"
        return "\(count(errorCount, "error")), \(count(warningCount, "warning"))\(notes) in \(count(fileCount, "dossier"))"
    }
}
