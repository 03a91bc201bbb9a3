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

extension Account {
    /// Every analyzed dossier as an account, with its rendered body from `parsed` and its history.
    static func accounts(of analysis: SiteAnalysis, parsed: [ParsedDossier], histories: [String: AccountHistory]) -> [Account] {
        let bodies = Dictionary(parsed.compactMap { parsed in parsed.value.map { (parsed.path, $0.body) } }) { first, _ in first }
        return analysis.dossiers.map { analyzed in
            let path = analyzed.dossier.path
            return Account(analyzed, body: bodies[path] ?? RenderedMarkdown(html: ""), history: histories[path])
        }
    }
}
