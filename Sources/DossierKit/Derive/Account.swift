/// Everything the templates need for one account: the analyzed dossier and its rendered body.
public struct Account: Sendable {
    public var dossier: Dossier
    public var figures: AccountFigures
    public var findings: [Finding]
    /// What is going well: judged with git history when the build reads it (`AccountHistory.signals`).
    public var signals: [Signal]
    public var body: RenderedMarkdown
    /// What git says about the dossier; nil outside a git work tree.
    public var history: AccountHistory?

    public init(_ analyzed: AnalyzedDossier, body: RenderedMarkdown, history: AccountHistory? = nil) {
        self.dossier = analyzed.dossier
        self.figures = analyzed.figures
        self.findings = analyzed.findings
        self.signals = history?.signals ?? analyzed.signals
        self.body = body
        self.history = history
    }
}
