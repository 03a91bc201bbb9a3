/// A dossier after the per-dossier stages: decoded, with its figures and health findings.
public struct AnalyzedDossier: Sendable {
    public var dossier: Dossier
    public var figures: AccountFigures
    /// Findings of the health rules, most severe first.
    public var findings: [Finding]
    /// Positive health signals (what is going well), judged without git history.
    public var signals: [Signal] = []
}
