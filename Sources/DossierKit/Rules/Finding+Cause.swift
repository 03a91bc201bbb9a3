/// What a finding is about or fires because of, so one cause raises one finding (see
/// `HealthRules.oneFindingPerCause`). A cause is a short key: one commitment or one stakeholder (by the
/// line of its list item), or a part of the dossier as a whole.
enum FindingCause {
    /// A commitment, by the line of its list item.
    static func promise(_ commitment: Commitment) -> String { "promise@\(commitment.line)" }
    /// A stakeholder, by the line of its list item.
    static func person(_ stakeholder: Stakeholder) -> String { "person@\(stakeholder.line)" }
    /// The research as a whole (its areas and when it was reviewed).
    static let research = "research"
    /// The pilot or trial (`engagement`).
    static let engagement = "engagement"
    /// The declared stage: rules that judge by it depend on it being right.
    static let stage = "stage"
}
