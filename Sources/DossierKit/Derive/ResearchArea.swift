/// The five areas of prospect research a complete dossier covers.
public enum ResearchArea: String, CaseIterable, Sendable {
    case financials, strategy, externalFactors = "external factors", segments, competitors

    /// The area's name in the strings files, e.g. `area_external-factors`.
    var stringsKey: String { "area_" + rawValue.replacingOccurrences(of: " ", with: "-") }

    /// Whether the dossier has any research in this area.
    func isCovered(by dossier: Dossier) -> Bool {
        switch self {
        case .financials: !(dossier.financials?.years.isEmpty ?? true)
        case .strategy: dossier.strategy?.summary != nil || !(dossier.strategy?.priorities.isEmpty ?? true)
        case .externalFactors: !dossier.externalFactors.isEmpty
        case .segments: !dossier.segments.isEmpty
        case .competitors: !dossier.competitors.isEmpty
        }
    }
}
