import Foundation
import Testing
@testable import DossierKit

/// The search of a generated site of 2,000 accounts (`scripts/bench-generate.py`), opened from disk
/// in headless Chromium and typed into with real key presses: the page loads little before the first
/// keystroke, then only the chunks a query needs, and finds English and Chinese names.
@Suite(.serialized) struct SearchScaleTests {
    static let count = 2_000

    static let output: URL? = {
        guard let folder = try? TestSupport.makeTemporaryFolder() else { return nil }
        let site = folder.appendingPathComponent("site"), output = folder.appendingPathComponent("out")
        let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/bench-generate.py").path
        guard let generated = try? TestSupport.run("python3", [script, "\(count)", "42", site.path], includesErrors: true),
              generated.status == 0 else { return nil }
        let report = SiteBuilder(siteRoot: site, output: output, asOf: TestSupport.asOf).build()
        return report.hasErrors ? nil : output
    }()

    /// The sizes on disk of the files behind `urls` (file:// addresses in the output).
    private func bytes(of urls: [String]) throws -> Int {
        try urls.reduce(0) { total, address in
            let url = try #require(URL(string: address))
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int
            return total + (try #require(size, "\(address)"))
        }
    }

    private func waitForResults(_ browser: WebDriver, query: String) async throws -> (status: String, names: [String]) {
        try await browser.run("var field = document.getElementById('search-input'); field.value = ''; field.focus();")
        try await browser.type(query)
        var status = ""
        for _ in 0..<300 where !status.hasSuffix("found") {
            status = try await browser.run("""
                var field = document.getElementById('search-input'), status = document.getElementById('search-status');
                var list = document.getElementById('search-results');
                return field.value === arguments[0] && list.getAttribute('aria-busy') === 'false' ? status.textContent : '';
                """, [query]) as? String ?? ""
            if !status.hasSuffix("found") { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        let names = try await browser.run("return Array.from(document.querySelectorAll('#search-results a')).map(function (a) { return a.textContent; });") as? [String]
        return (status, names ?? [])
    }

    @Test func typingFindsEnglishAndChineseAccountsLoadingOnlyWhatTheQueryNeeds() async throws {
        let output = try #require(Self.output, "the generated site did not build")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search").path)
        let termChunks = files.filter { $0.hasPrefix("terms-") }
        #expect(!files.contains("index.js"))
        for file in files {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("search/\(file)").path)[.size] as? Int)
            #expect(size <= SearchIndex.chunkLimit, "\(file): \(size) bytes")
        }
        let browser = try await WebDriver()
        do {
            try await browser.open(output.appendingPathComponent("search/index.html"))
            // Before the first keystroke: the page, its stylesheet and scripts; no chunk.
            let initial = try await browser.run("""
                var styles = Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(function (l) { return l.href; });
                return [location.href].concat(styles, Array.from(document.scripts).map(function (s) { return s.src; }));
                """) as? [String] ?? []
            #expect(initial.contains { $0.hasSuffix("search/manifest.js") } && initial.contains { $0.hasSuffix("assets/search.js") }, "\(initial)")
            #expect(!initial.contains { $0.contains("/terms-") || $0.contains("/accounts-") }, "\(initial)")
            let before = try bytes(of: initial)
            #expect(before <= 1_000_000, "\(before) bytes before the first keystroke")

            let english = try await waitForResults(browser, query: "Account 1234")
            let expected = try #require(try String(contentsOf: output.deletingLastPathComponent().appendingPathComponent("site/content/accounts/account-001234.md"), encoding: .utf8)
                .split(separator: "\n").first { $0.hasPrefix("name: ") }).dropFirst(6).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            #expect(english.names == [expected], "\(english)")
            #expect(english.status == "1 account found")
            let loaded = try await browser.run("return Array.from(document.scripts).map(function (s) { return s.getAttribute('src'); });") as? [String] ?? []
            let loadedTerms = loaded.filter { $0.hasPrefix("terms-") }
            #expect(!loadedTerms.isEmpty && loadedTerms.count < termChunks.count, "loaded \(loadedTerms) of \(termChunks)")

            let chinese = try await waitForResults(browser, query: "华芯电子1239有限公司")
            #expect(chinese.names == ["华芯电子1239有限公司"], "\(chinese)")
            let everyChinese = try await waitForResults(browser, query: "华芯电子")
            #expect(everyChinese.status == "\(Self.count / 10) accounts found")
            #expect(everyChinese.names.allSatisfy { $0.hasPrefix("华芯电子") })
            let nothing = try await waitForResults(browser, query: "华芯 nosuchword")
            #expect(nothing.status == "0 accounts found" && nothing.names.isEmpty)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}
