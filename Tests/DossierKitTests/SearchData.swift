import Foundation
import Testing
@testable import DossierKit

/// The search data files of a build read back the way `search.js` reads them: the manifest, then
/// only the term chunks the manifest names for a prefix, then the account chunks of the hits.
struct SearchData {
    /// Ranges of terms: each chunk's first term and file name, in order.
    var starts: [(start: String, name: String)]
    var accountBits: Int
    var accountFiles: [String]
    var maxLength: Int
    /// Every term chunk's entries (a term and the ids of its accounts), by file name.
    var termChunks: [String: [[String]]] = [:]
    /// Every account chunk's accounts (name, address, stage, owner) by id, by file name.
    var accountChunks: [String: [String: [String]]] = [:]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the data from `files`: paths under the output (`search/manifest.js`, …) and their texts.
    init(_ files: [String: String]) throws {
        let manifestText = try files["search/manifest.js"].orThrow("no search/manifest.js")
        let prefix = "window.DOSSIER_SEARCH = ", suffix = ";\n"
        guard manifestText.hasPrefix(prefix), manifestText.hasSuffix(suffix) else { throw Failure(description: "manifest: \(manifestText.prefix(80))") }
        let manifest = try JSONSerialization.jsonObject(with: Data(manifestText.dropFirst(prefix.count).dropLast(suffix.count).utf8)) as? [String: Any]
        let terms = try (manifest?["terms"] as? [[String]]).orThrow("manifest without terms")
        starts = terms.map { ($0[0], $0[1]) }
        accountBits = try (manifest?["accountBits"] as? Int).orThrow("manifest without accountBits")
        accountFiles = try (manifest?["accounts"] as? [String]).orThrow("manifest without accounts")
        maxLength = try (manifest?["maxLength"] as? Int).orThrow("manifest without maxLength")
        for (path, text) in files where path.hasPrefix("search/terms-") || path.hasPrefix("search/accounts-") {
            let name = String(path.dropFirst("search/".count))
            let head = "dossierSearchChunk(" + JSONValue.quoted(name) + ","
            guard text.hasPrefix(head), text.hasSuffix(");\n") else { throw Failure(description: "\(path) is not a chunk") }
            let data = try JSONSerialization.jsonObject(with: Data(text.dropFirst(head.count).dropLast(3).utf8))
            if name.hasPrefix("terms-") {
                termChunks[name] = try (data as? [[String]]).orThrow("\(path): not a list of terms")
            } else {
                accountChunks[name] = try (data as? [String: [String]]).orThrow("\(path): not accounts by id")
            }
        }
    }

    /// Reads the data from an output folder.
    init(output: URL) throws {
        let tree = try TestSupport.tree(at: output).filter { $0.key.hasPrefix("search/") }
        try self.init(tree.mapValues { String(decoding: $0, as: UTF8.self) })
    }

    /// The chunks that may hold terms starting with `prefix`, as `search.js`'s `chunksFor` finds them.
    func chunks(for prefix: String) -> [String] {
        var first = 0, last = -1
        for (index, entry) in starts.enumerated() {
            if SearchIndex.precedes(entry.start, prefix) {
                (first, last) = (index, index)
            } else if entry.start.utf16.starts(with: prefix.utf16) {
                last = index
            } else {
                break
            }
        }
        return last < first ? [] : starts[first...last].map(\.name)
    }

    /// The account ids with a term starting with `prefix`, read only from the chunks the manifest names.
    func ids(for prefix: String) -> Set<String> {
        var ids = Set<String>()
        for name in chunks(for: prefix) {
            let entries = termChunks[name] ?? []
            var (low, high) = (0, entries.count)
            while low < high {
                let middle = (low + high) / 2
                if SearchIndex.precedes(entries[middle][0], prefix) { low = middle + 1 } else { high = middle }
            }
            for entry in entries[low...] {
                guard entry[0].utf16.starts(with: prefix.utf16) else { break }
                let digits = Array(entry[1].utf8)
                for start in stride(from: 0, to: digits.count, by: SearchIndex.idLength) {
                    ids.insert(String(decoding: digits[start..<start + SearchIndex.idLength], as: UTF8.self))
                }
            }
        }
        return ids
    }

    /// Every term of every chunk.
    var terms: Set<String> {
        Set(termChunks.values.flatMap { $0.map { $0[0] } })
    }

    /// What a result shows of the account with `id` (name, address, stage, owner), from its account chunk.
    func account(_ id: String) -> [String]? {
        var value = 0
        for byte in id.utf8 { value = value * 64 + (SearchIndex.idDigits.firstIndex(of: byte) ?? 0) }
        let bucket = value >> (30 - accountBits)
        guard bucket < accountFiles.count else { return nil }
        return accountChunks[accountFiles[bucket]]?[id]
    }

    /// The names of the accounts a query finds: every query term must be the prefix of one of its terms.
    func names(for query: String) -> [String] {
        let terms = SearchTerms.queryTerms(of: query)
        guard let first = terms.first else { return [] }
        let hits = terms.dropFirst().reduce(ids(for: first)) { $0.intersection(ids(for: $1)) }
        return hits.compactMap { account($0)?.first }.sorted()
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw SearchData.Failure(description: message) }
        return self
    }
}
