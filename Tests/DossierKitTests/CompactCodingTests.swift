import Foundation
import Testing
@testable import DossierKit

/// The cache's compact form, derived from the model's `Codable` conformances: every dossier the
/// decoder accepts comes back equal, the same value always gives the same bytes, and damaged bytes are
/// refused (never a crash, never a different dossier taken for the cached one).
@Suite struct CompactCodingTests {
    /// Every dossier that decodes in the example site (for the team, so private parts are in it) and in
    /// each site of the bad-input corpus, as the cache keeps it.
    static let entries: [ParsedDossier.Value] = {
        let markdown = MarkdownRenderer(privateSections: .shown(label: "Private"))
        var sites = [(TestSupport.repositoryRoot, "team" as String?)]
        for name in BadInputTests.cases {
            sites.append((BadInputTests.corpus.appendingPathComponent(name), nil))
        }
        return sites.flatMap { site, audience in
            SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf, audience: audience).dossiers.map { analyzed in
                var dossier = analyzed.dossier
                dossier.body = ""
                return ParsedDossier.Value(dossier: dossier, body: markdown.render(analyzed.dossier.body))
            }
        }
    }()

    /// A reproducible stream of numbers (SplitMix64), so a failure names its seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func everyDecodableDossierComesBackEqualAndEncodesToTheSameBytes() throws {
        // The 12 examples and at least a dossier from most corpus sites.
        #expect(Self.entries.count > 40)
        for entry in Self.entries {
            let bytes = entry.bytes
            let back = try #require(ParsedDossier.Value(bytes: bytes), "\(entry.dossier.path)")
            #expect(back.dossier == entry.dossier, "\(entry.dossier.path)")
            #expect(back.body == entry.body, "\(entry.dossier.path)")
            #expect(back.bytes == bytes, "\(entry.dossier.path)")
        }
    }

    @Test func theFormIsDerivedFromTheModelSoEveryFieldIsKept() throws {
        // Fields the examples leave empty, filled in: a field the form forgot would come back empty.
        var dossier = try #require(Self.entries.first).dossier
        dossier.crmID = "CRM-7"
        dossier.keyLines = ["name": 2, "owner": 3, "stage": 4]
        dossier.objectives = [Objective(goal: "Grow", measure: .shareOfWallet, target: .fraction(0.25), by: Day(year: 2027, month: 1, day: 31), line: 9),
                              Objective(goal: "Stage", measure: nil, target: .stage(.mid), by: nil, line: 10),
                              Objective(goal: "Text", measure: nil, target: .text("more"), by: nil, line: 11)]
        let entry = ParsedDossier.Value(dossier: dossier, body: RenderedMarkdown(html: "<p>x</p>", talkingPointsHTML: "<li>y</li>"))
        let back = try #require(ParsedDossier.Value(bytes: entry.bytes))
        #expect(back.dossier == dossier)
        #expect(back.body == entry.body)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func damagedBytesAreRefusedOrDecodeToAWholeDossier(seed: UInt64) throws {
        var random = Seeded(state: seed)
        for entry in Self.entries.prefix(20) {
            let bytes = entry.bytes
            // Cut short anywhere: always refused.
            let cut = Int.random(in: 0..<bytes.count, using: &random)
            #expect(ParsedDossier.Value(bytes: Array(bytes[..<cut])) == nil, "seed \(seed), \(entry.dossier.path) cut at \(cut)")
            // One more byte at the end: refused.
            #expect(ParsedDossier.Value(bytes: bytes + [0]) == nil)
            // A byte changed: refused, or (a changed letter or number) a dossier that encodes to exactly those bytes.
            var damaged = bytes
            let index = Int.random(in: 0..<bytes.count, using: &random)
            damaged[index] ^= UInt8.random(in: 1...255, using: &random)
            if let decoded = ParsedDossier.Value(bytes: damaged) {
                let again = decoded.bytes
                let first = (0..<min(again.count, damaged.count)).first { again[$0] != damaged[$0] } ?? min(again.count, damaged.count)
                #expect(again == damaged, "seed \(seed), \(entry.dossier.path) byte \(index): differs from \(first): \(Array(damaged[max(0, first - 8)..<min(damaged.count, first + 8)])) re-encoded \(Array(again[max(0, first - 8)..<min(again.count, first + 8)]))")
            }
        }
    }
}
