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
    /// How many dossier files were parsed; the others were taken from the build cache.
    public var parsedCount = 0

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
    /// Dossiers are processed on `threads` threads; the result does not depend on it.
    /// `audience` names the audience (`--audience`); nil means the settings' default.
    public static func analyze(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName, audience: String? = nil,
                               threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> SiteAnalysis {
        analyze(SiteInputs.read(with: SiteReader(siteRoot: siteRoot), configFile: configFile), asOf: asOf, audience: audience, threads: threads)
    }

    /// The same from inputs read before: settings, then each dossier parsed (its body not rendered), then derived.
    static func analyze(_ inputs: SiteInputs, asOf: Day, audience: String?, threads: Int) -> SiteAnalysis {
        let (config, settingsDiagnostics) = settings(of: inputs, audience: audience)
        let parsed = inputs.dossiers.entries.parallelMap(threads: threads) { entry in
            DossierPipeline.loadAndParse(entry, with: inputs.reader, config: config, markdown: nil)
        }
        return derive(parsed, config: config, asOf: asOf, threads: threads,
                      earlierDiagnostics: settingsDiagnostics + inputs.dossiers.diagnostics, fileCount: inputs.dossiers.found)
    }

    /// The settings stage: the settings file decoded, and the build's audience chosen.
    static func settings(of inputs: SiteInputs, audience: String?) -> (SiteConfig, [Diagnostic]) {
        var (config, diagnostics) = SiteConfig.load(inputs.settingsFile, file: inputs.configFile)
        if let problem = config.selectAudience(audience) {
            diagnostics.append(Diagnostic(.error, problem, at: SourceLocation(path: inputs.configFile), in: .load))
        }
        return (config, diagnostics)
    }

    /// The derive stage over every parsed dossier: figures as of `asOf`, findings and signals, on
    /// `threads` threads; dossiers sorted by slug, diagnostics by place.
    static func derive(_ parsed: [ParsedDossier], config: SiteConfig, asOf: Day, threads: Int,
                       earlierDiagnostics: [Diagnostic], fileCount: Int) -> SiteAnalysis {
        let derived = parsed.parallelMap(threads: threads, counting: BuildProgress.begin(.deriving, total: parsed.count)) { parsed in
            parsed.value.map { DossierPipeline.derive($0.dossier, config: config, asOf: asOf) }
        }
        var analysis = SiteAnalysis(config: config, dossiers: [], diagnostics: earlierDiagnostics, fileCount: fileCount, parsedCount: fileCount)
        for (parsed, derived) in zip(parsed, derived) {
            analysis.diagnostics += parsed.diagnostics
            guard let (analyzed, notes) = derived else { continue }
            analysis.diagnostics += notes
            analysis.dossiers.append(analyzed)
        }
        analysis.dossiers.sort { $0.dossier.slug < $1.dossier.slug }
        analysis.diagnostics.sort { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
        return analysis
    }

    /// `2 errors, 1 warning in 14 dossiers`.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let notes = noteCount == 0 ? "" : ", \(count(noteCount, "note"))"
        let signals = signalCount == 0 ? "" : ", \(count(signalCount, "signal"))"
        return "\(count(errorCount, "error")), \(count(warningCount, "warning"))\(notes)\(signals) in \(count(fileCount, "dossier"))"
    }
}
