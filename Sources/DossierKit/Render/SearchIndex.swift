import Foundation

/// The client-side search: what each account is found by, cut into files the search page loads on
/// demand (see `SearchIndex+Chunks.swift` for the files and docs/architecture.md, "Search data").
///
/// Scripts rather than JSON files, because browsers refuse to fetch JSON from `file://` pages: each
/// file calls a function of the theme's `search.js` with its data.
enum SearchIndex {
    /// Characters of body text indexed per account: enough to find a dossier by what it says.
    static let bodyLimit = 5_000
    /// Characters of a name or owner shown in a result; the whole name is still indexed.
    static let shownLimit = 200

    /// One account as the search knows it: what a result shows, and the terms it is found by.
    struct Document: Sendable, Equatable, Codable {
        var slug: String
        var name: String
        /// The report's address, relative to the search page.
        var url: String
        var stage: String
        var owner: String
        /// The distinct terms of everything indexed (`SearchTerms`), sorted.
        var terms: [String]
    }

    /// The search document of `account`: its name, owner and stage, the front-matter's and the
    /// account plan's texts, private notes when the build's audience sees them, and the first
    /// `bodyLimit` characters of its notes.
    static func document(for account: Account, strings: Strings) -> Document {
        account.searchDocument ?? document(of: account.dossier, body: account.body, strings: strings)
    }

    /// The search document of a dossier as the build's audience sees it (`DossierPipeline.forAudience`)
    /// and its rendered body: made once per dossier by the parse stage and kept in the build cache.
    static func document(of dossier: Dossier, body: RenderedMarkdown, strings: Strings) -> Document {
        let stage = strings.name(of: dossier.stage)
        var words = [dossier.name, dossier.owner, stage] + dossier.team + dossier.tags + dossier.motives
        words += dossier.stakeholders.flatMap { [$0.name, $0.title ?? ""] }
        words += dossier.segments.map(\.name) + dossier.competitors.map(\.name)
        words += planWords(of: dossier)
        // Empty unless the build's audience sees private parts (see `Audience`).
        words += dossier.privateNotes.flatMap { [$0.key ?? "", $0.value ?? ""] }
        words.append(bodyText(ofHTML: body.html))
        var terms = Set<String>()
        for word in words where !word.isEmpty { SearchTerms.indexTerms(of: word, into: &terms) }
        return Document(slug: dossier.slug, name: String(dossier.name.prefix(shownLimit)), url: "../" + SiteLinks.reportPath(ofAccount: dossier.slug),
                        stage: stage, owner: String(dossier.owner.prefix(shownLimit)), terms: terms.sorted(by: Self.precedes))
    }

    /// The order of terms in the index: by UTF-16 code units, as JavaScript compares strings.
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf16.lexicographicallyPrecedes(right.utf16)
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
