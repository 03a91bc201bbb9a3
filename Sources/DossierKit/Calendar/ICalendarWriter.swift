/// Writes a calendar feed as iCalendar text (RFC 5545), by hand: no iCalendar package is among the
/// Swift packages this project may use, and a feed of all-day events needs only a few properties.
///
/// What it guarantees, whatever the text of the events:
/// - lines end in CRLF, and every line is folded at 75 octets (continuation lines start with one space
///   that counts towards their 75) between Unicode scalars, never inside a UTF-8 sequence;
/// - TEXT values escape backslash, semicolon, comma and line breaks (`\\`, `\;`, `\,`, `\n`), and
///   control characters TEXT does not allow (C0 but tab, DEL, C1) become U+FFFD, as on the pages;
/// - the output depends only on its input: `DTSTAMP` is the as-of day at midnight UTC, not the time
///   of the build, and a UID that repeats within one file gets its occurrence number, so every UID in
///   a file is unique.
///
/// The files are checked with Python's `icalendar` parser in `CalendarFeedTests`.
struct ICalendarWriter: Sendable {
    /// The calendar's name, as calendar apps show it (`NAME`, and `X-WR-CALNAME` for apps that know only that).
    var name: String
    /// The day the feed is made for: every event's `DTSTAMP`.
    var stamp: Day

    /// The product identifier every file carries (`PRODID`).
    static let productID = "-//Dossier//Dossier calendar feed//EN"
    /// The most octets of a line, CRLF not counted (RFC 5545, 3.1).
    static let lineLimit = 75

    /// The whole file: a `VCALENDAR` with one `VEVENT` per event, in the order given.
    func document(_ events: [CalendarEvent]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(Self.productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "NAME:" + Self.escaped(name), "X-WR-CALNAME:" + Self.escaped(name)]
        var seen: [String: Int] = [:]
        for event in events {
            seen[event.uid, default: 0] += 1
            let count = seen[event.uid] ?? 1
            lines += eventLines(event, uid: count == 1 ? event.uid : "\(count)-\(event.uid)")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    private func eventLines(_ event: CalendarEvent, uid: String) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + Self.escaped(uid), "DTSTAMP:\(Self.date(stamp))T000000Z",
                     "DTSTART;VALUE=DATE:\(Self.date(event.day))"]
        // An all-day event ends the next day (exclusive); without DTEND it lasts one day too (RFC 5545,
        // 3.6.1), which is what is left for 9999-12-31, whose next day has no four-digit year.
        let end = event.day.adding(days: 1)
        if end.year <= 9999 { lines.append("DTEND;VALUE=DATE:\(Self.date(end))") }
        lines.append("SUMMARY:" + Self.escaped(event.summary))
        if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escaped(event.description.joined(separator: "\n"))) }
        if let url = event.url { lines.append("URL:" + url) }
        lines.append(event.isTransparent ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE")
        lines.append("END:VEVENT")
        return lines
    }

    /// `YYYYMMDD`, the form of a DATE value.
    static func date(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    /// `text` as a TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, each line
    /// break (CRLF, CR or LF) as `\n`, and control characters other than tab as U+FFFD.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !afterCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `line` folded (RFC 5545, 3.1): a CRLF and a space inserted before the scalar that would take a
    /// physical line past 75 octets, so no UTF-8 sequence is ever split.
    static func folded(_ line: String) -> String {
        guard line.utf8.count > lineLimit else { return line }
        var result = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if width + size > lineLimit {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += size
        }
        return result
    }
}
