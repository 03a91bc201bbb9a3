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
    /// What the search finds it by, when the parse stage made it (`SearchIndex.document(of:body:strings:)`).
    var searchDocument: SearchIndex.Document?

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
        let values = Dictionary(parsed.compactMap { parsed in parsed.value.map { (parsed.path, $0) } }) { first, _ in first }
        return analysis.dossiers.map { analyzed in
            let path = analyzed.dossier.path
            var account = Account(analyzed, body: values[path]?.body ?? RenderedMarkdown(html: ""), history: histories[path])
            account.searchDocument = values[path]?.search
            return account
        }
    }
}
