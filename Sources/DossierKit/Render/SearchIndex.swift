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
    static func script(for accounts: [Account], strings: Strings) -> String {
        let entries = accounts.map { account in
            let dossier = account.dossier
            var words = dossier.team + dossier.tags + dossier.motives
            words += dossier.stakeholders.flatMap { [$0.name, $0.title ?? ""] }
            words += dossier.segments.map(\.name) + dossier.competitors.map(\.name)
            words.append(String(plainText(ofHTML: account.body.html).prefix(bodyLimit)))
            return Entry(name: dossier.name, url: "../accounts/\(dossier.slug)/index.html", stage: strings["stage_\(dossier.stage.rawValue)"],
                         owner: dossier.owner, text: words.filter { !$0.isEmpty }.joined(separator: " "))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // U+2028 and U+2029 end lines in older JavaScript; escape them like `<` to be safe in any parser.
        let safe = json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return "window.DOSSIER_SEARCH = \(safe);\n"
    }

    /// The text of rendered HTML: tags dropped, the common entities decoded, white space folded.
    static func plainText(ofHTML html: String) -> String {
        var text = ""
        var isInTag = false
        for character in html {
            if character == "<" { isInTag = true; text.append(" "); continue }
            if character == ">" { isInTag = false; continue }
            if !isInTag { text.append(character) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
