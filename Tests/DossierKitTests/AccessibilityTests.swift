import Foundation
import Testing
@testable import DossierKit

/// axe-core (WCAG 2.1 A and AA) on every page kind in English and Chinese, and the keyboard: the
/// search works without a mouse and focus is visible. Real Chromium through chromedriver; axe.min.js
/// from PyPI (`scripts/install-deps --test` puts it in .build/test-tools/).
@Suite(.serialized) struct AccessibilityTests {
    /// One page of every kind the site has (relative to the output folder), a query on the search page included.
    static let pageKinds = [
        "index.html",
        "accounts/nordwind-logistik/index.html", "accounts/nordwind-logistik/brief.html",
        "accounts/huaxin-electronics/index.html", "accounts/huaxin-electronics/brief.html",
        "accounts/harlow-finch/index.html",
        "accounts/rheinfels-chemie/index.html", "accounts/rheinfels-chemie/brief.html",
        "stages/index.html", "stages/mid/index.html", "stages/uncoupling/index.html",
        "owners/index.html", "owners/mei-chen/index.html",
        "segments/index.html", "segments/automotive-parts/index.html",
        "competitors/index.html", "competitors/frostbot/index.html",
        "tags/index.html", "tags/austria/index.html",
        "meetings/index.html",
        "offerings/index.html", "offerings/as-rs/index.html",
        "search/index.html", "search/index.html?q=mei",
    ]

    static let chineseOutput: URL? = {
        guard let output = try? TestSupport.makeTemporaryFolder().appendingPathComponent("out") else { return nil }
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf, configFile: "dossier.zh.yml").build()
        return output
    }()

    /// The English example built for the team: private notes and sections shown, with their labels.
    static let teamOutput: URL? = {
        guard let output = try? TestSupport.makeTemporaryFolder().appendingPathComponent("out") else { return nil }
        var builder = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf)
        builder.audience = "team"
        _ = builder.build()
        return output
    }()

    static let axeFile = TestSupport.repositoryRoot.appendingPathComponent(".build/test-tools/axe.min.js")

    /// The page at `path` (which may carry a query) in `output`.
    static func url(_ path: String, in output: URL) throws -> URL {
        let parts = path.split(separator: "?", maxSplits: 1)
        let file = output.appendingPathComponent(String(parts[0])).absoluteString
        return try #require(URL(string: parts.count > 1 ? file + "?" + parts[1] : file))
    }

    @Test(arguments: ["en", "zh", "en, for the team"])
    func axeFindsNoViolationOnAnyPageKind(_ language: String) async throws {
        let outputs = ["en": SearchTests.output, "zh": Self.chineseOutput, "en, for the team": Self.teamOutput]
        let output = try #require(outputs[language] ?? nil)
        try #require(FileManager.default.fileExists(atPath: Self.axeFile.path), "axe.min.js is missing: run scripts/install-deps --test")
        let axe = try String(contentsOf: Self.axeFile, encoding: .utf8)
        #expect(axe.hasPrefix("/*! axe v4."))
        let browser = try await WebDriver()
        do {
            for page in Self.pageKinds {
                let address = try Self.url(page, in: output)
                #expect(FileManager.default.fileExists(atPath: address.path), "\(page) missing")
                try await browser.open(address)
                try await browser.run(axe)
                let result = try await browser.runAsync("""
                    var done = arguments[arguments.length - 1];
                    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then(function (r) {
                      done({ passes: r.passes.length, violations: r.violations.map(function (v) {
                        return v.id + " (" + v.impact + "): " + v.nodes.map(function (n) { return n.target.join(" ") + " " + n.failureSummary; }).join("; ");
                      }) });
                    }, function (e) { done({ passes: 0, violations: ["axe failed: " + e] }); });
                    """) as? [String: Any]
                let passes = result?["passes"] as? Int ?? 0
                let violations = result?["violations"] as? [String] ?? ["no result"]
                #expect(passes > 10, "axe did not run on \(language) \(page)")
                #expect(violations.isEmpty, "\(language) \(page): \(violations.joined(separator: "\n"))")
            }
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// From the portfolio: Tab to the search field, type, Enter; on the results, arrows and Tab reach
    /// the accounts and Enter opens one. Real key presses only.
    @Test func theSearchWorksWithoutAMouse() async throws {
        let output = try #require(SearchTests.output)
        let browser = try await WebDriver()
        do {
            try await browser.open(output.appendingPathComponent("index.html"))
            var focused = ""
            for _ in 0..<20 where focused != "q" {
                try await browser.press([.tab])
                focused = try await browser.run("return document.activeElement.name || '';") as? String ?? ""
            }
            #expect(focused == "q", "Tab never reached the search field")
            try await browser.type("hamburg pilot")
            try await browser.press([.enter])
            #expect(try await browser.url(containing: "search/index.html?q=hamburg").contains("search/index.html?q=hamburg"))
            // The search page puts focus in its field; arrows walk the results and come back.
            var field = ""
            for _ in 0..<20 where field != "search-input" {
                field = try await browser.run("return document.activeElement.id;") as? String ?? ""
                if field != "search-input" { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(field == "search-input")
            // The results come once the chunks the query needs have loaded.
            var status = ""
            for _ in 0..<50 where !status.hasSuffix("found") {
                status = try await browser.run("return document.getElementById('search-status').textContent;") as? String ?? ""
                if !status.hasSuffix("found") { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            try await browser.press([.arrowDown])
            #expect(try await browser.run("return document.activeElement.textContent;") as? String == "Nordwind Logistik GmbH")
            try await browser.press([.arrowUp])
            #expect(try await browser.run("return document.activeElement.id;") as? String == "search-input")
            // Tab from the field reaches the first result too; Enter opens it.
            try await browser.press([.tab])
            #expect(try await browser.run("return document.activeElement.textContent;") as? String == "Nordwind Logistik GmbH")
            try await browser.press([.enter])
            #expect(try await browser.url(containing: "accounts/nordwind-logistik/index.html").hasSuffix("accounts/nordwind-logistik/index.html"))
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// Whatever the keyboard focuses shows a clear outline: links in the header, the body, the matrix, the search field.
    @Test func focusIsVisible() async throws {
        let output = try #require(SearchTests.output)
        let browser = try await WebDriver()
        do {
            try await browser.open(output.appendingPathComponent("index.html"))
            var seen: Set<String> = []
            for _ in 0..<60 {
                try await browser.press([.tab])
                let focus = try await browser.run("""
                    var e = document.activeElement, s = getComputedStyle(e);
                    var kind = e.closest("header") ? "header" : e.closest("svg") ? "chart" : e.tagName.toLowerCase();
                    return [kind, s.outlineStyle, s.outlineWidth];
                    """) as? [String] ?? []
                #expect(focus.count == 3 && focus[1] == "solid" && (Double(focus[2].dropLast(2)) ?? 0) >= 2, "\(focus)")
                if let kind = focus.first { seen.insert(kind) }
            }
            #expect(seen.isSuperset(of: ["header", "chart", "a"]), "\(seen)")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}
