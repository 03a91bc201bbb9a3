/// The history and the changes shown on a report and a brief.
extension PageContext {
    /// Commits shown on a report; older ones are counted.
    static let historyLimit = 10

    static func history(of account: Account, _ env: RenderEnvironment) -> Context {
        guard let history = account.history else { return [:] }
        let strings = env.strings
        let format = env.format
        var value: Context = ["is_uncommitted": history.isUncommitted]
        if let last = history.entries.first {
            value["last_changed"] = strings.format("history_last_changed", ["date": format.day(last.date), "author": last.author])
        }
        value["entries"] = history.entries.prefix(historyLimit).map { entry -> Context in
            ["date": format.day(entry.date), "author": entry.author, "subject": entry.subject]
        }
        let older = history.entries.count - historyLimit
        if older > 0 { value["older"] = strings.plural("history_older", count: older) }
        var context: Context = ["history": value]
        if let recent = changes(history.recentChanges, isNew: history.isNewSinceRecent, since: history.recentSince, env) {
            context["recent_changes"] = ["title": strings.format("changes_recent", ["days": String(SiteHistory.recentDays)]), "items": recent]
        }
        if let since = history.meetingSince, let items = changes(history.meetingChanges, isNew: history.isNewSinceMeeting, since: since, env) {
            context["meeting_changes"] = ["title": strings.format("changes_since_meeting", ["date": format.day(since)]), "items": items]
        }
        return context
    }

    /// The change sentences, or one that says the dossier is newer than the day, or that nothing changed.
    private static func changes(_ changes: [Message]?, isNew: Bool, since: Day, _ env: RenderEnvironment) -> [String]? {
        if isNew { return [env.strings.format("changes_created", ["date": env.format.day(since)])] }
        guard let changes else { return nil }
        return changes.isEmpty ? [env.strings["changes_none"]] : changes.map { $0.text(in: env.strings) }
    }
}
