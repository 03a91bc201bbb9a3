import Foundation
import Testing
@testable import DossierKit

@Suite struct NameSluggerTests {
    @Test(arguments: [
        ("Kessler Systems", "kessler-systems"),
        ("Müller & Söhne AG", "muller-sohne-ag"),
        ("Straße der Ærø", "strasse-der-aero"),
        ("  Cold-chain   logistics ", "cold-chain-logistics"),
        ("e-commerce / D2C", "e-commerce-d2c"),
    ])
    func foldsLatinNamesToASCII(_ name: String, _ slug: String) {
        #expect(NameSlugger(names: [name]).slug(for: name) == slug)
    }

    @Test func nonLatinNamesGetAStableHashedSlug() {
        let slugger = NameSlugger(names: ["王丽", "深圳华芯 GmbH"])
        #expect(slugger.slug(for: "王丽") == "n-" + NameSlugger.hash("王丽"))
        #expect(slugger.slug(for: "深圳华芯 GmbH").hasPrefix("gmbh-"))
        #expect(NameSlugger(names: ["王丽"]).slug(for: "王丽") == slugger.slug(for: "王丽"))
    }

    @Test(arguments: ["CON", "nul", "Aux", "com1", "LPT9", "prn"])
    func windowsDeviceNamesGetAHashedSlug(_ name: String) {
        let slug = NameSlugger(names: [name]).slug(for: name)
        #expect(slug == name.lowercased() + "-" + NameSlugger.hash(NameSlugger.key(name)))
        #expect(!NameSlugger.windowsDeviceNames.contains(slug))
        #expect(NameSlugger(names: ["Con Edison"]).slug(for: "Con Edison") == "con-edison", "only the whole slug is a device name")
    }

    @Test func namesThatDifferOnlyInCaseShareAPageButDifferentNamesNever() {
        let slugger = NameSlugger(names: ["Kessler Systems", "kessler  systems", "Müller AG", "Muller AG"])
        #expect(slugger.slug(for: "Kessler Systems") == slugger.slug(for: "KESSLER SYSTEMS"))
        let muller = slugger.slug(for: "Müller AG")
        let plain = slugger.slug(for: "Muller AG")
        #expect(muller != plain)
        #expect(muller.hasPrefix("muller-ag-") && plain.hasPrefix("muller-ag-"))
    }
}

@Suite struct CrossReferenceTests {
    static func buildExample() throws -> [String: Data] {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf).build()
        return try TestSupport.tree(at: output)
    }

    private func page(_ files: [String: Data], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func everyCrossReferencePageExists() throws {
        let files = try Self.buildExample()
        for folder in ["owners", "segments", "competitors", "tags", "meetings"] {
            #expect(files["\(folder)/index.html"] != nil, "missing \(folder)/index.html")
        }
        #expect(files["owners/mei-chen/index.html"] != nil)
        #expect(files["segments/cold-chain-logistics/index.html"] != nil)
        #expect(files["tags/logistics/index.html"] != nil)
    }

    @Test func aCompetitorPageShowsItsPositionAndShareAtEachAccount() throws {
        let html = page(try Self.buildExample(), "competitors/kessler-systems/index.html")
        #expect(html.contains(#"<a href="../../accounts/nordwind-logistik/index.html">Nordwind Logistik GmbH</a>"#))
        #expect(html.contains("<td>incumbent</td><td>45%</td><td>price; local service teams</td><td>no automation offering</td>"))
    }

    @Test func meetingsAreInDateOrderWithTheirBriefs() throws {
        let html = page(try Self.buildExample(), "meetings/index.html")
        let northgate = try #require(html.range(of: "Northgate Healthcare"))
        let nordwind = try #require(html.range(of: "Nordwind Logistik"))
        #expect(northgate.lowerBound < nordwind.lowerBound)
        #expect(html.contains(#"href="../accounts/nordwind-logistik/brief.html""#))
    }

    @Test func anOwnersPageShowsTheWeekAndFindings() throws {
        let html = page(try Self.buildExample(), "owners/mei-chen/index.html")
        #expect(html.contains("3 Dec 2026</strong> (in 7 days)"))
        #expect(html.contains("Energy-use report for the Hamburg hub: still open past its due date, no remedy recorded"))
    }

    @Test func aReportLinksToItsCrossReferences() throws {
        let html = page(try Self.buildExample(), "accounts/nordwind-logistik/index.html")
        #expect(html.contains(#"<a href="../../owners/mei-chen/index.html">Mei Chen</a>"#))
        #expect(html.contains(#"<a href="../../competitors/kessler-systems/index.html">Kessler Systems</a>"#))
        #expect(html.contains(#"<a class="tag" href="../../tags/dach/index.html">dach</a>"#))
    }
}
