import Yams

/// The per-dossier stages: decode text → split front-matter → compose YAML → decode and validate →
/// render Markdown (`parse`), then derive figures → apply health rules (`derive`).
///
/// Pure functions of one file and the site's settings, so dossiers can be processed independently.
enum DossierPipeline {
    /// Runs every per-dossier stage but Markdown; returns the account figures when the dossier is usable.
    static func process(_ file: SourceFile, config: SiteConfig, asOf: Day) -> (AnalyzedDossier?, [Diagnostic]) {
        let (dossier, diagnostics) = decode(file, config: config)
        guard let dossier else { return (nil, diagnostics) }
        let (analyzed, notes) = derive(dossier, config: config, asOf: asOf)
        return (analyzed, diagnostics + notes)
    }

    /// The parse stage for one file: decodes it and, with `markdown` and the theme's `strings`, renders
    /// its body, makes its search document and hashes its front-matter (a check does none of these).
    static func parse(_ file: SourceFile, config: SiteConfig, markdown: MarkdownRenderer?, strings: Strings? = nil) -> ParsedDossier {
        var parsed = ParsedDossier(path: file.path, diagnostics: [], contentHash: ContentHasher.hash(of: file.bytes))
        let (decoded, diagnostics) = decode(file, config: config)
        parsed.diagnostics = diagnostics
        // As the audience may see it from here on, so that neither the cache nor a hash holds private values it does not see.
        guard var dossier = decoded.map({ forAudience($0, config: config) }) else { return parsed }
        let body = markdown?.render(dossier.body) ?? RenderedMarkdown(html: "")
        dossier.body = ""
        let search = strings.map { SearchIndex.document(of: dossier, body: body, strings: $0) }
        parsed.value = ParsedDossier.Value(dossier: dossier, body: body, search: search)
        if markdown != nil {
            parsed.summaryHash = ContentHasher.hash(of: (try? CompactEncoder().encode(dossier)) ?? [])
        }
        return parsed
    }

    /// The load and parse stages for one listed file.
    static func loadAndParse(_ entry: DossierListing.Entry, with reader: SiteReader, config: SiteConfig, markdown: MarkdownRenderer?) -> ParsedDossier {
        switch DossierListing.read(entry, with: reader) {
        case .success(let file): parse(file, config: config, markdown: markdown)
        case .failure(let diagnostic): ParsedDossier(path: entry.path, diagnostics: [diagnostic], contentHash: "")
        }
    }

    /// Decodes and validates one file: text, front-matter, YAML, the dossier's fields.
    static func decode(_ file: SourceFile, config: SiteConfig) -> (Dossier?, [Diagnostic]) {
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
        return (dossier, diagnostics)
    }

    /// The derive stage alone: figures as of `asOf`, health findings and positive signals, both as notes.
    /// For an audience that does not see private parts, the `private:` mapping is dropped here, before
    /// anything reads the dossier (the body's `{private}` sections are dropped by `MarkdownRenderer`).
    static func derive(_ dossier: Dossier, config: SiteConfig, asOf: Day) -> (AnalyzedDossier, [Diagnostic]) {
        let dossier = forAudience(dossier, config: config)
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

    /// The dossier as the build's audience may see it: without the `private:` mapping for an audience
    /// that does not see private parts. The one place private values are dropped (the body's
    /// `{private}` sections are dropped by `MarkdownRenderer`).
    static func forAudience(_ dossier: Dossier, config: SiteConfig) -> Dossier {
        guard !config.audience.showsPrivate else { return dossier }
        var dossier = dossier
        dossier.privateNotes = []
        dossier.keyLines["private"] = nil
        return dossier
    }
}
