/// What git says about one dossier: its commits, and what changed in its front-matter since two days.
public struct AccountHistory: Sendable {
    /// Commits that touched the file, newest first.
    public var entries: [SiteHistory.Entry] = []
    /// The file has changes not committed yet.
    public var isUncommitted = false
    /// Changes since `recentSince` (the last 90 days), or nil when the file has no committed version.
    public var recentChanges: [Message]?
    public var recentSince: Day
    /// Changes since the previous meeting (`meetingSince`), for the brief.
    public var meetingChanges: [Message]?
    public var meetingSince: Day?
    /// The file's first commit is after the day the changes are counted from.
    public var isNewSinceRecent = false
    public var isNewSinceMeeting = false
    /// The positive signals judged against the version of `recentSince` (nil when there is none).
    public var signals: [Signal]?
}

extension SiteHistory {
    /// Days over which the report lists changes.
    public static let recentDays = 90

    /// The history of every analyzed dossier, with field-level changes read from git in one batch.
    ///
    /// `since` replaces the previous-meeting day for the brief (`--since`).
    func accountHistories(for dossiers: [AnalyzedDossier], config: SiteConfig, asOf: Day, since: Day? = nil) -> [String: AccountHistory] {
        var histories: [String: AccountHistory] = [:]
        var requests: [(commit: String, path: String)] = []
        var requestIndex: [String: Int] = [:]
        func request(_ commit: String, _ path: String) {
            let key = commit + ":" + path
            guard requestIndex[key] == nil else { return }
            requestIndex[key] = requests.count
            requests.append((commit, path))
        }
        let recentSince = asOf.adding(days: -Self.recentDays)
        for analyzed in dossiers {
            let dossier = analyzed.dossier
            var history = AccountHistory(recentSince: recentSince)
            history.entries = entries[dossier.path] ?? []
            history.isUncommitted = uncommitted.contains(dossier.path)
            history.meetingSince = since ?? Self.previousMeeting(of: dossier)
            if let commit = commit(of: dossier.path, onOrBefore: recentSince) { request(commit.commit, dossier.path) }
            if let day = history.meetingSince, let commit = commit(of: dossier.path, onOrBefore: day) { request(commit.commit, dossier.path) }
            histories[dossier.path] = history
        }
        let contents = self.contents(of: requests)
        func oldDossier(_ commit: SiteHistory.Entry, _ current: Dossier) -> Dossier? {
            guard let index = requestIndex[commit.commit + ":" + current.path], let data = contents[index] ?? nil else { return nil }
            let file = SourceFile(path: current.path, slug: current.slug, bytes: [UInt8](data))
            return DossierPipeline.process(file, config: config, asOf: asOf).0?.dossier
        }
        for analyzed in dossiers {
            let dossier = analyzed.dossier
            guard var history = histories[dossier.path], !history.entries.isEmpty || history.isUncommitted else { continue }
            if let commit = commit(of: dossier.path, onOrBefore: recentSince) {
                let old = oldDossier(commit, dossier)
                history.recentChanges = old.map { ChangeDetector.changes(from: $0, to: dossier) }
                history.signals = old.map { HealthSignals.evaluate(dossier, figures: analyzed.figures, config: config, previous: $0) }
            } else {
                history.isNewSinceRecent = true
            }
            if let day = history.meetingSince {
                if let commit = commit(of: dossier.path, onOrBefore: day) {
                    history.meetingChanges = oldDossier(commit, dossier).map { ChangeDetector.changes(from: $0, to: dossier) }
                } else {
                    history.isNewSinceMeeting = true
                }
            }
            histories[dossier.path] = history
        }
        return histories
    }

    /// The last time we sat with the customer before the next meeting: the latest `last_contact` of any
    /// stakeholder on or before the meeting's date.
    static func previousMeeting(of dossier: Dossier) -> Day? {
        guard let meeting = dossier.nextMeeting?.date else { return nil }
        return dossier.stakeholders.compactMap(\.lastContact).filter { $0 <= meeting }.max()
    }
}
