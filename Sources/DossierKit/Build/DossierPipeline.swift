import Yams

/// The per-dossier stages: decode text → split front-matter → compose YAML → decode and validate → derive
/// figures → apply health rules. A dossier the build cache holds skips to `derive`.
///
/// A pure function of one file and the site's settings, so dossiers can be processed independently.
enum DossierPipeline {
    /// Runs every per-dossier stage but Markdown; returns the account figures when the dossier is usable.
    static func process(_ file: SourceFile, config: SiteConfig, asOf: Day) -> (AnalyzedDossier?, [Diagnostic]) {
        let text: String
        switch decodeText(of: file, limit: config.maxDossierBytes) {
        case .success(let value): text = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: file.path) {
        case .success(let value): frontMatter = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let (root, yamlDiagnostics) = YAMLComposer.compose(frontMatter, path: file.path)
        guard yamlDiagnostics.isEmpty else { return (nil, yamlDiagnostics) }
        var (dossier, diagnostics) = DossierDecoder.decode(root, frontMatter: frontMatter, file: file, offerings: config.offerings)
        guard let dossier else { return (nil, diagnostics) }
        for line in MarkdownRenderer.headingsWithMisplacedPrivateMarker(in: frontMatter.body) {
            let location = SourceLocation(path: file.path, line: frontMatter.bodyLine + line - 1)
            diagnostics.append(Diagnostic(.warning, .privateMarkerNotAtEnd, at: location, in: .markdown))
        }
        let (analyzed, notes) = derive(dossier, config: config, asOf: asOf)
        return (analyzed, diagnostics + notes)
    }

    /// The derive stage alone: figures as of `asOf`, health findings and positive signals, both as notes.
    /// For an audience that does not see private parts, the `private:` mapping is dropped here, before
    /// anything reads the dossier (the body's `{private}` sections are dropped by `MarkdownRenderer`).
    static func derive(_ dossier: Dossier, config: SiteConfig, asOf: Day) -> (AnalyzedDossier, [Diagnostic]) {
        var dossier = dossier
        if !config.audience.showsPrivate {
            dossier.privateNotes = []
            dossier.keyLines["private"] = nil
        }
        let figures = AccountFigures(of: dossier, asOf: asOf, staleAfterDays: config.staleAfterDays)
        let findings = HealthRules.evaluate(dossier, figures: figures, config: config)
        let notes = findings.map { finding in
            Diagnostic(.note, .finding(ruleID: finding.ruleID, message: finding.message(in: .english)),
                       at: SourceLocation(path: dossier.path, line: finding.line), in: .derive)
        }
        let signals = HealthSignals.evaluate(dossier, figures: figures, config: config)
        let signalNotes = signals.map { signal in
            Diagnostic(.note, .signal(id: signal.signalID, message: signal.message(in: .english)),
                       at: SourceLocation(path: dossier.path, line: signal.line), in: .derive)
        }
        return (AnalyzedDossier(dossier: dossier, figures: figures, findings: findings, signals: signals), notes + signalNotes)
    }
}
