import Foundation

/// The search data as files of at most `chunkLimit` bytes, which the search page loads only when a query needs them.
///
/// - `search/manifest.js` (small; the only data the page loads before the first keystroke) sets
///   `window.DOSSIER_SEARCH`: which term chunk holds which range of terms, and which account chunk
///   holds which accounts.
/// - `search/terms-<hash>.js`: an inverted index, a sorted run of terms, each with the ids of the
///   accounts that contain it. The runs are cut where a term's own hash and size say so (content-defined
///   chunking, as rsync and backup tools cut files), not by counting from the start: an edit that adds
///   or removes terms changes only the chunks that hold them, and the names (a hash of each chunk's
///   first term) stay. A chunk is also cut before it would exceed the limit; a term whose ids alone
///   would is split across chunks.
/// - `search/accounts-<bits>-<bucket>.js`: what results show (name, address, stage, owner), grouped by
///   the first `bits` bits of the account ids, as few bits as keep every group under `accountsTarget`.
///
/// An account's id is a 30-bit hash of its slug (five characters), so adding or removing an account
/// changes no other account's id. Everything is in a fixed order: same accounts, same bytes.
extension SearchIndex {
    /// One file of the search data: its path in the output and its text.
    struct File: Sendable, Equatable {
        var path: String
        var text: String
    }

    /// The most bytes a search data file may have.
    static let chunkLimit = 1_000_000
    /// The size term chunks aim at (a query's term usually loads one).
    static let termsTarget = 128 * 1024
    /// The most bytes of an account chunk, unless one account alone is more.
    static let accountsTarget = 128 * 1024
    /// The function every chunk calls, defined by the theme's `search.js`.
    static let registration = "dossierSearchChunk"
    /// The digits of an account id: in ASCII order, so ids compare as the numbers they write.
    static let idDigits = Array("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)
    /// Characters of an account id.
    static let idLength = 5

    /// The search data of `accounts`: the manifest first, then the term chunks in term order, then the
    /// account chunks. Documents are made on `threads` threads.
    static func files(for accounts: [Account], strings: Strings, threads: Int = 1) -> [File] {
        files(for: accounts.parallelMap(threads: threads) { document(for: $0, strings: strings) })
    }

    /// The search data of `documents` (see `files(for:strings:threads:)`).
    static func files(for documents: [Document]) -> [File] {
        let ids = self.ids(forSlugs: documents.map(\.slug))
        var postings: [String: [UInt32]] = [:]
        for document in documents {
            guard let id = ids[document.slug] else { continue }
            for term in document.terms { postings[term, default: []].append(id) }
        }
        let terms = termChunks(postings)
        let (bits, accounts) = accountChunks(documents, ids: ids)
        var manifest = "window.DOSSIER_SEARCH = {\"maxLength\":\(SearchTerms.maxLength),\"terms\":["
        manifest += terms.map { "[\(JSONValue.quoted($0.start)),\(JSONValue.quoted($0.name))]" }.joined(separator: ",")
        manifest += "],\"accountBits\":\(bits),\"accounts\":["
        manifest += accounts.map { JSONValue.quoted($0?.name ?? "") }.joined(separator: ",")
        manifest += "]};\n"
        return [File(path: "search/manifest.js", text: manifest)]
            + terms.map { File(path: "search/" + $0.name, text: $0.text) }
            + accounts.compactMap { $0.map { File(path: "search/" + $0.name, text: $0.text) } }
    }

    /// Each slug's id: a 30-bit hash of the slug; on the rare clash, the slug later in order hashes
    /// again with a counter until its id is free.
    static func ids(forSlugs slugs: [String]) -> [String: UInt32] {
        var ids: [String: UInt32] = [:]
        var taken = Set<UInt32>()
        for slug in Set(slugs).sorted() {
            var attempt = 0
            while true {
                var hasher = ContentHasher()
                hasher.add(slug)
                if attempt > 0 { hasher.add(String(attempt)) }
                let id = UInt32(hasher.hexDigest.prefix(8), radix: 16).map { $0 & 0x3FFF_FFFF } ?? 0
                if taken.insert(id).inserted {
                    ids[slug] = id
                    break
                }
                attempt += 1
            }
        }
        return ids
    }

    /// An id as `idLength` characters of `idDigits`, most significant first.
    static func idText(_ id: UInt32) -> String {
        var bytes = [UInt8](repeating: 0, count: idLength)
        var value = id
        for index in stride(from: idLength - 1, through: 0, by: -1) {
            bytes[index] = idDigits[Int(value & 63)]
            value >>= 6
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private struct Chunk {
        var start: String
        var name: String
        var text: String
    }

    /// The inverted index cut into chunks (see the type's comment).
    private static func termChunks(_ postings: [String: [UInt32]]) -> [Chunk] {
        let header = 2 * 64
        let maxBody = chunkLimit - header
        // Each term's entry, `["term","ids"]`; a term whose entry would take more than half a chunk is split.
        var entries: [(term: String, text: String)] = []
        for term in postings.keys.sorted(by: precedes) {
            let quoted = JSONValue.quoted(term)
            let ids = (postings[term] ?? []).sorted()
            let perEntry = Swift.max(1, (maxBody / 2 - quoted.utf8.count - 8) / idLength)
            var offset = 0
            while offset < ids.count {
                let part = ids[offset..<Swift.min(offset + perEntry, ids.count)]
                entries.append((term, "[" + quoted + ",\"" + part.map(idText).joined() + "\"]"))
                offset += perEntry
            }
        }
        guard !entries.isEmpty else { return [] }
        // A chunk ends after an entry with the chance its share of the target: when its term's hash,
        // as a fraction of 2^32, is below its size over the target. The decision depends on that entry
        // alone, so it stays when other terms change; a chunk ends only once it has a quarter of the target.
        var ranges: [Range<Int>] = []
        var start = 0, size = 0
        for index in entries.indices {
            let entrySize = entries[index].text.utf8.count + 1
            if index > start {
                let previous = entries[index - 1]
                let chance = UInt64(previous.text.utf8.count + 1) << 32 / UInt64(termsTarget)
                let isNatural = size >= termsTarget / 4 && entries[index].term != previous.term && UInt64(fnv1a(previous.term)) < chance
                if isNatural || size + entrySize > maxBody {
                    ranges.append(start..<index)
                    (start, size) = (index, 0)
                }
            }
            size += entrySize
        }
        ranges.append(start..<entries.count)
        var seen: [String: Int] = [:]
        return ranges.enumerated().map { number, range in
            let first = number == 0 ? "" : entries[range.lowerBound].term
            let occurrence = seen[first, default: 0]
            seen[first] = occurrence + 1
            var hasher = ContentHasher()
            hasher.add(first)
            if occurrence > 0 { hasher.add(String(occurrence)) }
            let name = "terms-\(hasher.hexDigest.prefix(12)).js"
            let body = entries[range].map(\.text).joined(separator: ",")
            return Chunk(start: first, name: name, text: "\(registration)(\(JSONValue.quoted(name)),[\(body)]);\n")
        }
    }

    /// The accounts' shown data, grouped by the first bits of their ids; the chunk of each group (nil for an empty one).
    private static func accountChunks(_ documents: [Document], ids: [String: UInt32]) -> (bits: Int, chunks: [Chunk?]) {
        let entries = documents.compactMap { document -> (id: UInt32, text: String)? in
            guard let id = ids[document.slug] else { return nil }
            let shown = [document.name, document.url, document.stage, document.owner].map(JSONValue.quoted).joined(separator: ",")
            return (id, "\"\(idText(id))\":[\(shown)]")
        }.sorted { $0.id < $1.id }
        var bits = 0
        while bits < 16 {
            var sizes = [Int](repeating: 0, count: 1 << bits)
            for entry in entries { sizes[Int(entry.id >> UInt32(30 - bits))] += entry.text.utf8.count + 1 }
            if (sizes.max() ?? 0) <= accountsTarget { break }
            bits += 1
        }
        var groups = [[String]](repeating: [], count: 1 << bits)
        for entry in entries { groups[Int(entry.id >> UInt32(30 - bits))].append(entry.text) }
        let chunks = groups.enumerated().map { bucket, texts -> Chunk? in
            guard !texts.isEmpty else { return nil }
            let name = "accounts-\(bits)-\(bucket).js"
            return Chunk(start: "", name: name, text: "\(registration)(\(JSONValue.quoted(name)),{\(texts.joined(separator: ","))});\n")
        }
        return (bits, chunks)
    }

    /// FNV-1a over the UTF-8 bytes, its bits mixed by MurmurHash3's finalizer (FNV alone leaves the
    /// high bits of short words alike): a fixed, cheap hash for the cut points (not a cache decision).
    private static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        hash ^= hash >> 16
        hash = hash &* 0x85EB_CA6B
        hash ^= hash >> 13
        hash = hash &* 0xC2B2_AE35
        return hash ^ (hash >> 16)
    }
}
