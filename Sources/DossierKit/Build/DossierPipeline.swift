import Yams

/// The per-dossier stages: decode text → split front-matter → compose YAML → decode and validate → derive.
///
/// A pure function of one file and the site's settings, so dossiers can be processed independently.
enum DossierPipeline {
    /// Runs every per-dossier stage but Markdown; returns the account figures when the dossier is usable.
    static func process(_ file: SourceFile, config: SiteConfig, asOf: Day) -> (Dossier?, AccountFigures?, [Diagnostic]) {
        let text: String
        switch decodeText(of: file, limit: config.maxDossierBytes) {
        case .success(let value): text = value
        case .failure(let diagnostic): return (nil, nil, [diagnostic])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: file.path) {
        case .success(let value): frontMatter = value
        case .failure(let diagnostic): return (nil, nil, [diagnostic])
        }
        let (root, yamlDiagnostics) = YAMLComposer.compose(frontMatter, path: file.path)
        guard yamlDiagnostics.isEmpty else { return (nil, nil, yamlDiagnostics) }
        let (dossier, diagnostics) = DossierDecoder.decode(root, frontMatter: frontMatter, file: file)
        guard let dossier else { return (nil, nil, diagnostics) }
        return (dossier, AccountFigures(of: dossier, asOf: asOf, staleAfterDays: config.staleAfterDays), diagnostics)
    }
}
