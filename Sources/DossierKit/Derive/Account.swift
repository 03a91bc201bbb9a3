/// Everything the templates need for one account: the analyzed dossier and its rendered body.
public struct Account: Sendable {
    public var dossier: Dossier
    public var figures: AccountFigures
    public var findings: [Finding]
    public var body: RenderedMarkdown

    public init(_ analyzed: AnalyzedDossier, body: RenderedMarkdown) {
        self.dossier = analyzed.dossier
        self.figures = analyzed.figures
        self.findings = analyzed.findings
        self.body = body
    }
}
