import Foundation
import Testing
@testable import DossierKit

/// The search page, run by a real browser from `file://` on the built example site.
@Suite(.serialized) struct SearchTests {
    static let output: URL? = {
        guard let output = try? TestSupport.makeTemporaryFolder().appendingPathComponent("out") else { return nil }
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf).build()
        return output
    }()

    /// The results list of the search page for `query`, as the browser rendered it.
    private func results(for query: String) throws -> String {
        let output = try #require(Self.output)
        var components = URLComponents(url: output.appendingPathComponent("search/index.html"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "q", value: query)]
        let dom = try Browser.dumpDOM(try #require(components?.url?.absoluteString))
        let start = try #require(dom.range(of: #"<ol id="search-results""#))
        let end = try #require(dom.range(of: "</ol>", range: start.upperBound..<dom.endIndex))
        return String(dom[start.lowerBound..<end.upperBound])
    }

    @Test(arguments: [
        ("leipzig", "Nordwind Logistik GmbH"),
        ("anna roth", "Nordwind Logistik GmbH"),
        ("Cold-chain logistics", "Nordwind Logistik GmbH"),
        ("kruger", "Rheinfels Chemie GmbH"),
        ("华芯", "深圳华芯电子股份有限公司"),
        ("Mei Chen", "深圳华芯电子股份有限公司"),
        // The browser cuts a query as the build cut the text: full-width letters, capitals and accents fold, words match from their start.
        ("ＬＥＩＰＺＩＧ", "Nordwind Logistik GmbH"),
        ("KRÜGER", "Rheinfels Chemie GmbH"),
        ("logis nordw", "Nordwind Logistik GmbH"),
        ("深圳华芯", "深圳华芯电子股份有限公司"),
    ])
    func findsTheAccount(_ query: String, _ account: String) throws {
        let list = try results(for: query)
        #expect(list.contains(">\(account)</a>"), "\(query) did not find \(account): \(list)")
        #expect(list.contains(" · "))
    }

    /// Types into the search field the way a person does: the page's own script reacts to the input event.
    @Test func typingAQueryShowsTheAccountWithItsStageAndOwner() throws {
        let output = try #require(Self.output)
        let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        // A script file beside the page, not an inline script: the page's Content-Security-Policy allows only files of the site.
        let typing = """
            var field = document.getElementById("search-input");
            field.value = "hamburg pilot";
            field.dispatchEvent(new Event("input"));
            """
        try typing.write(to: output.appendingPathComponent("search/typing.js"), atomically: true, encoding: .utf8)
        let typed = output.appendingPathComponent("search/typed.html")
        try page.replacingOccurrences(of: "</body>", with: "<script src=\"typing.js\"></script>\n</body>").write(to: typed, atomically: true, encoding: .utf8)
        let dom = try Browser.dumpDOM(typed.absoluteString)
        #expect(dom.contains(#"<li><a href="../accounts/nordwind-logistik/index.html">Nordwind Logistik GmbH</a><span class="muted"> Mid KAM · Mei Chen</span></li>"#))
        #expect(dom.contains(">1 account found</p>"))
    }

    @Test func aQueryThatMatchesNothingFindsNothing() throws {
        #expect(try results(for: "no-such-word-anywhere") == #"<ol id="search-results" class="results" aria-busy="false"></ol>"#)
    }

    @Test func theDataIsAManifestAndChunksWithOneEntryPerAccount() throws {
        let output = try #require(Self.output)
        let data = try SearchData(output: output)
        let shown = data.accountChunks.values.flatMap(\.values)
        #expect(shown.count == 12)
        #expect(shown.allSatisfy { $0[1].hasPrefix("../accounts/") && $0[1].hasSuffix("/index.html") })
        #expect(data.names(for: "leipzig") == ["Nordwind Logistik GmbH"])
        #expect(data.names(for: "华芯") == ["深圳华芯电子股份有限公司"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.js").path), "the single index of old is gone")
        let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        #expect(page.contains("<script src=\"manifest.js\"></script>\n<script src=\"../assets/search.js\"></script>"))
    }

    /// The search from a web server (the preview server, with the pages' Content-Security-Policy):
    /// the chunks load as scripts of the site, and nothing is blocked.
    @Test func theSearchWorksFromAWebServer() async throws {
        let server = try PreviewServer(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf, port: 0)
        let port = try await server.start()
        let browser = try await WebDriver()
        do {
            try await browser.open(try #require(URL(string: "http://127.0.0.1:\(port)/search/index.html?q=%E5%8D%8E%E8%8A%AF%20mei")))
            var status = ""
            for _ in 0..<100 where !status.hasSuffix("found") {
                status = try await browser.run("return document.getElementById('search-status').textContent;") as? String ?? ""
                if !status.hasSuffix("found") { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(status == "1 account found")
            let names = try await browser.run("return Array.from(document.querySelectorAll('#search-results a')).map(function (a) { return a.textContent; });") as? [String]
            #expect(names == ["深圳华芯电子股份有限公司"])
            let policy = try await browser.run("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;") as? String
            #expect(policy == ContentSecurityPolicy().text)
            let loaded = try await browser.run("return Array.from(document.scripts).map(function (s) { return s.getAttribute('src'); });") as? [String] ?? []
            #expect(loaded.contains { $0.hasPrefix("terms-") } && loaded.contains { $0.hasPrefix("accounts-") }, "\(loaded)")
        } catch {
            await browser.quit()
            await server.stop()
            throw error
        }
        await browser.quit()
        await server.stop()
    }

    /// A site built by a version that wrote the search as one `search/index.js` (listed in the output's
    /// marker as a file dossier made): the next build removes it, as it does any page no longer planned.
    @Test func theSingleIndexOfEarlierVersionsDoesNotLinger() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\n---\n\nNotes.\n"], under: site)
        let output = site.appendingPathComponent("output")
        #expect(!SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build().hasErrors)
        let marker = output.appendingPathComponent(OutputWriter.markerName)
        let listed = try String(contentsOf: marker, encoding: .utf8)
        try (listed + "search/index.js\n").write(to: marker, atomically: true, encoding: .utf8)
        try "window.DOSSIER_SEARCH = [];\n".write(to: output.appendingPathComponent("search/index.js"), atomically: true, encoding: .utf8)
        let report = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build()
        #expect(report.output?.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.js").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/manifest.js").path))
        #expect(try !String(contentsOf: marker, encoding: .utf8).contains("search/index.js"))
    }

    /// A copy of the site without one of its search chunks (a partial upload): the page says so
    /// instead of showing fewer results as if they were all.
    @Test func aMissingChunkIsReported() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\n---\n\nNotes.\n"], under: site)
        let output = site.appendingPathComponent("output")
        #expect(!SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build().hasErrors)
        let search = output.appendingPathComponent("search")
        for name in try FileManager.default.contentsOfDirectory(atPath: search.path) where name.hasPrefix("terms-") {
            try FileManager.default.removeItem(at: search.appendingPathComponent(name))
        }
        let dom = try Browser.dumpDOM(search.appendingPathComponent("index.html").absoluteString + "?q=acme")
        #expect(dom.contains(">Part of the search data could not be loaded: build the site again.</p>"), "\(dom)")
        #expect(dom.contains(#"<ol id="search-results" class="results" aria-busy="false"></ol>"#))
    }

    @Test func plainTextDropsTagsDecodesEntitiesAndFoldsSpace() {
        let html = "<h2>Risks &amp; chances</h2>\n<p>Say &quot;hello&quot; to  <em>Mrs</em> O&#39;Neil &lt;3 &nbsp;</p>"
        #expect(SearchIndex.plainText(ofHTML: html) == "Risks & chances Say \"hello\" to Mrs O'Neil <3 &nbsp;")
    }
}
