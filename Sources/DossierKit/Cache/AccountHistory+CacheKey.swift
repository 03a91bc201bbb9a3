/// What part of a page's key an account's history is.
extension AccountHistory {
    /// Every value of the history, written out in a fixed order (message arguments sorted by name).
    var cacheKey: String {
        var parts = entries.map { "\($0.commit) \($0.date) \($0.author) \($0.subject)" }
        parts.append("uncommitted=\(isUncommitted) new=\(isNewSinceRecent)/\(isNewSinceMeeting)")
        parts.append("recent=\(recentSince) meeting=\(meetingSince?.description ?? "-")")
        for (label, changes) in [("recent", recentChanges), ("meeting", meetingChanges)] {
            parts.append(label + ":" + (changes.map { $0.map(\.cacheKey).joined(separator: "\n") } ?? "-"))
        }
        parts.append(signalsCacheKey)
        return parts.joined(separator: "\n")
    }

    /// The signals judged with git history, written out: pages that list accounts show them too (the
    /// portfolio's "Going well"), so they belong to the key of those pages as well.
    var signalsCacheKey: String {
        "signals:" + (signals.map { $0.map { Message($0.messageKey, $0.arguments, count: $0.count).cacheKey + "@\($0.line)" }
            .joined(separator: "\n") } ?? "-")
    }
}
