import Foundation

/// The client-side search index: a script that sets `window.DOSSIER_SEARCH`, loaded by the search page.
///
/// A script rather than a JSON file, because browsers refuse to fetch JSON from `file://` pages.
enum SearchIndex {
    /// Characters of body text indexed per account: enough to find a dossier by what it says.
    static let bodyLimit = 5_000

    private struct Entry: Encodable {
        let name: String
        let url: String
        let stage: String
        let owner: String
        let text: String
    }

    /// The index of `accounts` as a JavaScript file, byte-identical for the same input.
    ///
    /// Entries are made on `jobs` threads, each encoded on its own: JSON without white space, so the
    /// array is the same bytes as encoding it whole.
    static func script(for accounts: [Account], strings: Strings, jobs: Int = 1) -> String {
        let entries = accounts.parallelMap(jobs: jobs) { account -> String in
            let dossier = account.dossier
            var words = dossier.team + dossier.tags + dossier.motives
            words += dossier.stakeholders.flatMap { [$0.name, $0.title ?? ""] }
            words += dossier.segments.map(\.name) + dossier.competitors.map(\.name)
            words += planWords(of: dossier)
            // Empty unless the build's audience sees private parts (see `Audience`).
            words += dossier.privateNotes.flatMap { [$0.key ?? "", $0.value ?? ""] }
            words.append(bodyText(ofHTML: account.body.html))
            let entry = Entry(name: dossier.name, url: "../accounts/\(dossier.slug)/index.html", stage: strings.name(of: dossier.stage),
                              owner: dossier.owner, text: words.filter { !$0.isEmpty }.joined(separator: " "))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(entry)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            // U+2028 and U+2029 end lines in older JavaScript; escape them to be safe in any parser.
            guard json.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return json }
            return json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        }
        return "window.DOSSIER_SEARCH = [" + entries.joined(separator: ",") + "];\n"
    }

    /// The account plan's texts: what people want, our contacts, goals, the value case, opportunities,
    /// buying centres and their suppliers, sponsors, plan items, promises and the next meeting's plan.
    /// Private parts are not among them: they live only in `privateNotes` and `{private}` sections.
    static func planWords(of dossier: Dossier) -> [String] {
        var words = dossier.stakeholders.flatMap { [$0.ourContact ?? ""] + $0.wins }
        words += dossier.objectives.map(\.goal)
        if let value = dossier.value {
            words += [value.proposition ?? ""] + value.outcomes.flatMap { [$0.metric, $0.agreedBy ?? ""] }
        }
        words += dossier.opportunities.flatMap { [$0.name, $0.offering ?? "", $0.owner ?? ""] }
        words += dossier.whitespace.flatMap { [$0.name] + $0.competitors.map(\.supplier) }
        words += dossier.economics?.feasibility?.reason.map { [$0] } ?? []
        words += dossier.governance?.sponsors.flatMap { [$0.ours ?? "", $0.theirs ?? ""] } ?? []
        words += dossier.plan.flatMap { [$0.milestone, $0.owner ?? ""] }
        words += dossier.commitments.map(\.promise)
        if let meeting = dossier.nextMeeting {
            words += [meeting.objective ?? "", meeting.ask ?? "", meeting.fallback ?? ""] + meeting.theirInterests + meeting.options
        }
        return words
    }

    /// The first `bodyLimit` characters of a body's text. Only as much of the HTML is read as that
    /// needs (a 30 MB body is not copied three times for 5,000 characters), reading more while the text
    /// read so far is too short to decide, so the result is that of the whole text.
    static func bodyText(ofHTML html: String) -> String {
        var maxBytes = bodyLimit * 4 + 64
        while true {
            let (text, isWhole) = plainText(ofHTML: html, maxBytes: maxBytes)
            // Two characters past the limit: a cut inside a UTF-8 sequence can only change the last one.
            if isWhole || text.count > bodyLimit + 1 { return String(text.prefix(bodyLimit)) }
            maxBytes *= 4
        }
    }

    /// The text of rendered HTML: tags dropped, the entities cmark writes decoded, white space folded.
    static func plainText(ofHTML html: String) -> String {
        plainText(ofHTML: html, maxBytes: Int.max).text
    }

    /// The text of rendered HTML, stopping once the text has `maxBytes` bytes; `isWhole` when it did not stop.
    ///
    /// One pass over the UTF-8 bytes: this runs on every dossier's whole body, and both Foundation's
    /// replacing and walking `Character`s are slow at that size.
    static func plainText(ofHTML html: String, maxBytes: Int) -> (text: String, isWhole: Bool) {
        var html = html
        return html.withUTF8 { plainText(ofUTF8: $0, maxBytes: maxBytes) }
    }

    private static func plainText(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, maxBytes: Int) -> (text: String, isWhole: Bool) {
        let entities: [[UInt8]: UInt8] = [Array("lt".utf8): UInt8(ascii: "<"), Array("gt".utf8): UInt8(ascii: ">"),
                                          Array("quot".utf8): UInt8(ascii: "\""), Array("#39".utf8): UInt8(ascii: "'"),
                                          Array("amp".utf8): UInt8(ascii: "&")]
        var text: [UInt8] = []
        text.reserveCapacity(Swift.min(bytes.count, maxBytes))
        var isInTag = false
        var needsSpace = false
        var index = 0
        func append(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                needsSpace = !text.isEmpty
                return
            }
            if needsSpace { text.append(0x20) }
            needsSpace = false
            text.append(byte)
        }
        while index < bytes.count {
            if text.count >= maxBytes { return (String(decoding: text, as: UTF8.self), false) }
            let byte = bytes[index]
            index += 1
            if isInTag {
                if byte == UInt8(ascii: ">") { isInTag = false }
            } else if byte == UInt8(ascii: "<") {
                isInTag = true
                needsSpace = !text.isEmpty
            } else if byte == UInt8(ascii: "&"), let end = bytes[index..<Swift.min(index + 6, bytes.count)].firstIndex(of: UInt8(ascii: ";")),
                      let decoded = entities[Array(bytes[index..<end])] {
                append(decoded)
                index = end + 1
            } else {
                append(byte)
            }
        }
        return (String(decoding: text, as: UTF8.self), true)
    }
}
