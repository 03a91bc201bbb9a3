import Foundation
import Testing
@testable import DossierKit

/// The search data cut into chunks (`SearchIndex+Chunks`) and the rule that cuts text into terms
/// (`SearchTerms`), on generated documents: no real site is needed to make 10,000 accounts.
struct SearchIndexTests {
    /// A reproducible random generator (SplitMix64), so the generated documents are the same on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// `count` documents with 300 words each from a vocabulary of 20,000 made-up words (Zipf-like: a few
    /// common, most rare), a Chinese run for every tenth, and a name, owner and stage of their own.
    static func documents(_ count: Int, seed: UInt64 = 7) -> [SearchIndex.Document] {
        var generator = Generator(state: seed)
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "dan", "ler", "mon", "str", "qu", "zh", "ü", "é"]
        let vocabulary = (0..<20_000).map { number -> String in
            var word = "", value = number
            repeat { word += syllables[value % syllables.count]; value /= syllables.count } while value > 0
            return word
        }
        let chinese = Array("仓储自动化提升了拣选效率并降低了错误率客户希望在明年扩大试点范围同时控制能耗与人工成本华芯电子")
        return (0..<count).map { number in
            var words: [String] = []
            for _ in 0..<300 {
                let pick = Double(generator.next() % 1_000_000) / 1_000_000
                words.append(vocabulary[Int(pick * pick * pick * Double(vocabulary.count - 1))])
            }
            if number % 10 == 9 {
                let start = Int(generator.next() % UInt64(chinese.count - 12))
                words.append(String(chinese[start..<start + 10]))
            }
            let name = "Account \(number) " + vocabulary[number % 500]
            var terms = Set<String>()
            SearchTerms.indexTerms(of: (words + [name, "Mei Chen", "Mid KAM"]).joined(separator: " "), into: &terms)
            return SearchIndex.Document(slug: "account-\(number)", name: name, url: "../accounts/account-\(number)/index.html",
                                        stage: "Mid KAM", owner: "Mei Chen", terms: terms.sorted(by: SearchIndex.precedes))
        }
    }

    static let big = documents(4_000)
    static let bigFiles = SearchIndex.files(for: big)

    @Test func everyFileOfABigIndexIsAtMostOneMegabyte() throws {
        let files = Self.bigFiles
        let total = files.reduce(0) { $0 + $1.text.utf8.count }
        #expect(total > 3 * SearchIndex.chunkLimit, "the input is big enough to need many chunks: \(total) bytes")
        #expect(files.count > 10)
        for file in files {
            #expect(file.text.utf8.count <= SearchIndex.chunkLimit, "\(file.path): \(file.text.utf8.count) bytes")
        }
        let manifest = try #require(files.first { $0.path == "search/manifest.js" })
        #expect(manifest.text.utf8.count < 50_000, "the page loads the manifest before the first keystroke")
        #expect(Set(files.map(\.path)).count == files.count, "every file has its own name")
    }

    @Test func everyTermOfEveryDocumentIsFoundThroughTheManifest() throws {
        let data = try SearchData(Dictionary(uniqueKeysWithValues: Self.bigFiles.map { ($0.path, $0.text) }))
        let ids = SearchIndex.ids(forSlugs: Self.big.map(\.slug))
        var idsByTerm: [String: Set<String>] = [:]
        for document in Self.big {
            let id = SearchIndex.idText(try #require(ids[document.slug]))
            for term in document.terms { idsByTerm[term, default: []].insert(id) }
        }
        var missing: [String] = []
        for (term, expected) in idsByTerm where !expected.isSubset(of: data.ids(for: term)) { missing.append(term) }
        #expect(missing.isEmpty, "\(missing.count) terms not found, e.g. \(missing.prefix(5))")
        #expect(data.terms.count == idsByTerm.count)
        for document in Self.big.prefix(50) {
            let id = SearchIndex.idText(try #require(ids[document.slug]))
            #expect(data.account(id) == [document.name, document.url, document.stage, document.owner])
        }
        // A prefix reaches the chunks of all terms that start with it, and one chunk of a short prefix is few of all.
        #expect(data.chunks(for: "ka").count < data.starts.count / 2)
        #expect(data.names(for: "Account 1234") == [Self.big[1234].name])
    }

    @Test func aTermInEveryAccountOfAHugeSiteIsSplitAcrossChunks() throws {
        let documents = (0..<210_000).map {
            SearchIndex.Document(slug: "a\($0)", name: "A", url: "u", stage: "s", owner: "o", terms: ["common", "x\($0)"])
        }
        let files = SearchIndex.files(for: documents)
        for file in files { #expect(file.text.utf8.count <= SearchIndex.chunkLimit, "\(file.path)") }
        let data = try SearchData(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) }))
        #expect(data.chunks(for: "common").count >= 2)
        #expect(data.ids(for: "common").count == 210_000)
        #expect(data.ids(for: "x123456").count == 1)
    }

    @Test func theSameAccountsInAnyOrderGiveTheSameBytes() {
        let documents = Array(Self.big.prefix(2_000))
        var generator = Generator(state: 3)
        #expect(SearchIndex.files(for: documents) == SearchIndex.files(for: documents.shuffled(using: &generator)))
    }

    /// One account's notes edited: the manifest and the files that hold its changed terms change, and
    /// no other. One account added: its account chunk and the chunks of its terms; no id moves.
    @Test func anEditRemakesFewChunks() throws {
        let before = Self.bigFiles
        var documents = Self.big
        var terms = Set(documents[42].terms)
        terms.remove(documents[42].terms[documents[42].terms.count / 2])
        terms.insert("zzyzx")
        terms.insert("brandnewterm")
        documents[42].terms = terms.sorted(by: SearchIndex.precedes)
        let after = SearchIndex.files(for: documents)
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0.text) })
        let changed = after.filter { old[$0.path] != $0.text }.map(\.path)
        #expect(changed.count <= 4, "\(changed)")
        #expect(!changed.contains { $0.hasPrefix("search/accounts-") }, "what a result shows did not change")
        #expect(Set(after.map(\.path)).subtracting(old.keys).count <= 1, "names stay")

        var new = documents[7]
        (new.slug, new.name) = ("account-new", "A new account")
        documents.append(new)
        let added = SearchIndex.files(for: documents)
        let data = try SearchData(Dictionary(uniqueKeysWithValues: added.map { ($0.path, $0.text) }))
        let newID = SearchIndex.idText(try #require(SearchIndex.ids(forSlugs: documents.map(\.slug))["account-new"]))
        let id = try #require(SearchIndex.ids(forSlugs: documents.map(\.slug))["account-new"])
        let reached = Set(new.terms.flatMap { data.chunks(for: $0) })
        let accountChunk = data.accountFiles[Int(id >> UInt32(30 - data.accountBits))]
        #expect(data.account(newID)?.first == "A new account")
        for file in added where old[file.path] != file.text {
            let name = String(file.path.dropFirst("search/".count))
            #expect(reached.contains(name) || name == accountChunk || name == "manifest.js", "\(name) changed but holds nothing of the new account")
        }
        #expect(SearchIndex.ids(forSlugs: documents.map(\.slug))["account-1"] == SearchIndex.ids(forSlugs: Self.big.map(\.slug))["account-1"])
    }

    @Test func noAccountsGiveAnEmptyManifest() {
        #expect(SearchIndex.files(for: [SearchIndex.Document]()) == [SearchIndex.File(
            path: "search/manifest.js", text: "window.DOSSIER_SEARCH = {\"maxLength\":40,\"terms\":[],\"accountBits\":0,\"accounts\":[\"\"]};\n")])
    }

    @Test func idsAreDistinctAndFiveCharactersInOrder() {
        let ids = SearchIndex.ids(forSlugs: (0..<50_000).map { "slug-\($0)" })
        #expect(Set(ids.values).count == 50_000)
        let texts = ids.values.sorted().map(SearchIndex.idText)
        #expect(texts.allSatisfy { $0.utf8.count == 5 })
        #expect(texts == texts.sorted(), "the digits sort as the numbers")
    }

    @Test(arguments: [
        ("Krüger", ["kruger"]),
        ("Cold-chain LOGISTICS", ["cold", "chain", "logistics"]),
        ("ＡＢＣ ﬁsh", ["abc", "fish"]),
        ("华芯电子", ["华芯", "芯电", "电子"]),
        ("华", ["华"]),
        ("深圳华芯2026年", ["深圳", "圳华", "华芯", "2026", "年"]),
        ("O'Neil & R&D", ["o", "neil", "r", "d"]),
    ])
    func queriesAreCutIntoTerms(_ query: String, _ terms: [String]) {
        #expect(SearchTerms.queryTerms(of: query) == terms)
    }

    @Test func theIndexAlsoHasTheLastCharacterOfEveryCJKRun() {
        var terms = Set<String>()
        SearchTerms.indexTerms(of: "华芯电子 客户", into: &terms)
        #expect(terms == ["华芯", "芯电", "电子", "子", "客户", "户"])
        var long = Set<String>()
        SearchTerms.indexTerms(of: String(repeating: "a", count: 100), into: &long)
        #expect(long == [String(repeating: "a", count: SearchTerms.maxLength)])
    }
}
