/// One change to a site, as `IncrementalBuildPropertyTests` makes them: a kind and two random numbers
/// (`target`, `variant`) that pick the dossier, field, value or file when the edit is applied to a
/// site, so any sequence of edits applies to any site (a target is taken modulo what is there).
struct SiteEdit: Sendable, Hashable, CustomStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        /// The Markdown notes: a paragraph, a private section, a talking point, raw HTML, a changed word.
        case editNotes
        /// A front-matter field the portfolio shows: stage, owner, tier, wallet, a stakeholder, the next meeting.
        case editField
        case addDossier
        case deleteDossier
        /// A new file name (so a new slug, and the pages move), or the same name in a sub-folder.
        case renameDossier
        /// When no dossier is broken, a YAML syntax error, an unknown stage or an unknown key (a warning)
        /// in one; else every broken dossier back as it was.
        case breakOrFixDossier
        /// dossier.yml: a rule's threshold or a rule off, the language, the offerings, stale_after_days,
        /// the default audience, unsafe_html, the title.
        case changeSettings
        /// A template or stylesheet overridden, an override removed, a site partial changed.
        case changeTemplate
        /// A strings file overriding some labels (the private label among them), or removed.
        case changeStrings
        case changeDay
        case switchAudience
        /// A new modification time, the same bytes.
        case touchFile
        /// Everything committed to git (only in a site in a repository; elsewhere drawn as `touchFile`).
        case commit
    }

    var kind: Kind
    var target: Int
    var variant: Int

    var description: String { "\(kind.rawValue)(\(target), \(variant))" }
}
