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
        #expect(try results(for: "no-such-word-anywhere") == #"<ol id="search-results" class="results"></ol>"#)
    }

    @Test func theIndexIsAScriptWithOneEntryPerAccount() throws {
        let output = try #require(Self.output)
        let script = try String(contentsOf: output.appendingPathComponent("search/index.js"), encoding: .utf8)
        #expect(script.hasPrefix("window.DOSSIER_SEARCH = ["))
        #expect(script.components(separatedBy: #""url":"../accounts/"#).count - 1 == 12)
    }

    @Test func plainTextDropsTagsDecodesEntitiesAndFoldsSpace() {
        let html = "<h2>Risks &amp; chances</h2>\n<p>Say &quot;hello&quot; to  <em>Mrs</em> O&#39;Neil &lt;3 &nbsp;</p>"
        #expect(SearchIndex.plainText(ofHTML: html) == "Risks & chances Say \"hello\" to Mrs O'Neil <3 &nbsp;")
    }
}
