/// One all-day event of a calendar feed: a meeting, a plan item or a promise due.
///
/// Dossiers give days without times, so every event lasts the whole day (`VALUE=DATE`).
struct CalendarEvent: Sendable, Equatable {
    /// The event's identity across builds, from what identifies it (see `CalendarEvent.uid(_:)`), never
    /// from its position in a list or the time of the build: calendar apps update an event with a known
    /// UID instead of adding it again.
    var uid: String
    var day: Day
    var summary: String
    /// Lines of plain text; the writer escapes them.
    var description: [String] = []
    /// An absolute `http:`/`https:` address (the site's `base_url` plus a page), or nil.
    var url: String?
    /// Marks the day as free rather than busy: true for things due, false for meetings.
    var isTransparent = false

    /// A UID made from the texts that identify an event: the same texts give the same UID on every
    /// machine and in every build (`StableHasher`), so an edit of anything else keeps it.
    static func uid(_ identity: [String]) -> String {
        var hasher = StableHasher()
        for part in identity { hasher.add(part) }
        return "\(hasher.hexDigest)@dossier"
    }
}
