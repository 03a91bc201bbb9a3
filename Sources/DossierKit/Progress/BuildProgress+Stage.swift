extension BuildProgress {
    /// A step of a build or check that the progress line names, in the order a build runs them.
    ///
    /// The words are English, like every other terminal message (diagnostics, `Problem`); the site's
    /// `language` is for the pages, not for the command line.
    public enum Stage: String, Sendable, CaseIterable {
        /// Reading the build cache of the last build.
        case loadingCache
        /// Finding and reading the dossier files (those the cache shows unchanged are only stamped).
        case reading
        /// Decoding and validating each dossier and rendering its Markdown.
        case parsing
        /// Reading the dossiers' git history.
        case history
        /// Deriving each dossier's figures, findings and signals.
        case deriving
        /// Planning the pages from the accounts (groups, portfolio, page keys).
        case planning
        /// Rendering the pages whose inputs changed and placing every page in a new folder.
        case writing
        /// Swapping the new folder in place of the output and removing the previous site.
        case publishing
        /// Writing the build cache for the next build.
        case savingCache

        /// What the stage does, as the progress line shows it: `parsing`.
        public var label: String {
            switch self {
            case .loadingCache: "reading the cache"
            case .reading: "reading"
            case .parsing: "parsing"
            case .history: "reading git history"
            case .deriving: "deriving figures of"
            case .planning: "planning pages"
            case .writing: "writing"
            case .publishing: "publishing"
            case .savingCache: "saving the cache"
            }
        }

        /// What the stage counts, after its numbers: `dossiers`; nil for a stage that counts nothing.
        public var unit: String? {
            switch self {
            case .reading: "files"
            case .parsing, .deriving: "dossiers"
            case .writing: "pages"
            case .loadingCache, .history, .planning, .publishing, .savingCache: nil
            }
        }
    }
}
