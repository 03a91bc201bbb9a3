/// Everything the templates need for one account: the dossier, its figures and its rendered body.
public struct Account: Sendable {
    public var dossier: Dossier
    public var figures: AccountFigures
    public var body: RenderedMarkdown

    public init(dossier: Dossier, figures: AccountFigures, body: RenderedMarkdown) {
        self.dossier = dossier
        self.figures = figures
        self.body = body
    }
}
