import Foundation
import Testing
@testable import DossierKit

/// Issue 9, finding 5: pages carry a Content-Security-Policy and no referrer, a body's remote image is
/// never fetched (opened or printed), and printing keeps Chromium off the network even where the site
/// allows remote images. The witness is a real server on 127.0.0.1 that counts connections.
@Suite(.serialized) struct PageSecurityTests {
    /// A site with one dossier whose talking points (shown on the report and the brief) hold `images`.
    private func site(images: [String], settings: String = "title: Test\n") throws -> URL {
        let root = try TestSupport.makeTemporaryFolder()
        let pictures = images.map { "- Look: ![pixel](\($0))" }.joined(separator: "\n")
        try TestSupport.write([
            "dossier.yml": settings,
            "content/accounts/acme.md": """
                ---
                name: Acme GmbH
                owner: Mei Chen
                stage: mid
                next_meeting: {date: 2026-11-30, objective: Agree the pilot scope}
                ---

                ## Talking points

                \(pictures)

                """,
        ], under: root)
        return root
    }

    private func build(_ root: URL) throws -> URL {
        let output = root.appendingPathComponent("output")
        let report = SiteBuilder(siteRoot: root, output: output, asOf: TestSupport.asOf).build()
        #expect(!report.hasErrors, "\(report.problems)")
        return output
    }

    @Test func everyPageCarriesThePolicyAndNoReferrer() throws {
        let output = try #require(SearchTests.output)
        let pages = try TestSupport.tree(at: output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 50)
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; img-src &#39;self&#39; data:; object-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;self&#39;\">"
        for (path, bytes) in pages {
            let html = String(decoding: bytes, as: UTF8.self)
            let head = try #require(html.range(of: "<head>\n<meta charset=\"utf-8\">\n"), "\(path)")
            #expect(html[head.upperBound...].hasPrefix(policy + "\n<meta name=\"referrer\" content=\"no-referrer\">\n"), "\(path)")
            #expect(!html.contains("<style") && !html.contains(" style=\""), "inline style in \(path)")
            #expect(!html.contains("<script>"), "inline script in \(path)")
        }
    }

    @Test func remoteImagesOptInAddsHTTPSOnly() throws {
        let output = try build(try site(images: [], settings: "remote_images: true\n"))
        let html = try String(contentsOf: output.appendingPathComponent("accounts/acme/brief.html"), encoding: .utf8)
        #expect(html.contains("img-src &#39;self&#39; data: https:;"))
        #expect(ContentSecurityPolicy(allowsRemoteImages: false).text.contains("img-src 'self' data:;"))
    }

    @Test func remoteImagesMustBeTrueOrFalse() throws {
        let root = try site(images: [], settings: "remote_images: yes\n")
        let report = SiteBuilder(siteRoot: root, output: root.appendingPathComponent("output"), asOf: TestSupport.asOf).build()
        #expect(report.hasErrors)
        #expect("\(report.problems)".contains("remote_images"))
    }

    @Test func anOpenedReportFetchesNoRemoteImage() throws {
        let server = try ConnectionRecorder()
        defer { server.stop() }
        let output = try build(try site(images: ["http://127.0.0.1:\(server.port)/pixel.png", "http://localhost:\(server.port)/l.png"]))
        let dom = try Browser.dumpDOM(output.appendingPathComponent("accounts/acme/index.html").absoluteString)
        #expect(dom.contains("127.0.0.1:\(server.port)/pixel.png"))
        #expect(server.connections.count == 0, "\(server.connections.requests)")
    }

    /// The control: with `remote_images: true` an opened page does fetch an https image, so the witness works.
    @Test func withTheOptInAnOpenedReportFetchesHTTPSImages() throws {
        let server = try ConnectionRecorder()
        defer { server.stop() }
        let output = try build(try site(images: ["https://127.0.0.1:\(server.port)/pixel.png"], settings: "remote_images: true\n"))
        _ = try Browser.dumpDOM(output.appendingPathComponent("accounts/acme/index.html").absoluteString)
        #expect(server.connections.count > 0)
    }

    @Test func printingABriefFetchesNothing() throws {
        let server = try ConnectionRecorder()
        defer { server.stop() }
        let root = try site(images: ["http://127.0.0.1:\(server.port)/pixel.png", "http://localhost:\(server.port)/l.png"])
        let pdf = root.appendingPathComponent("acme.pdf")
        #expect(try BriefPrinter(siteRoot: root, asOf: TestSupport.asOf).print(.account("acme"), to: pdf).get() == ["acme"])
        #expect(server.connections.count == 0, "\(server.connections.requests)")
    }

    /// Printing is offline on its own: here the policy allows the https images, the network switches stop them.
    @Test func printingIsOfflineEvenWhereTheSiteAllowsRemoteImages() throws {
        let server = try ConnectionRecorder()
        defer { server.stop() }
        let root = try site(images: ["https://127.0.0.1:\(server.port)/pixel.png", "https://localhost:\(server.port)/l.png"],
                            settings: "remote_images: true\n")
        for selection in [BriefPrinter.Selection.account("acme"), .week] {
            let pdf = root.appendingPathComponent("acme.pdf")
            #expect(try BriefPrinter(siteRoot: root, asOf: TestSupport.asOf).print(selection, to: pdf).get() == ["acme"])
        }
        #expect(server.connections.count == 0, "\(server.connections.requests)")
    }

    /// Every page kind, opened in Chromium, breaks no rule of its own policy (so nothing it needs is blocked).
    @Test(arguments: ["en", "zh"])
    func pagesRunUnderTheirOwnPolicy(_ language: String) throws {
        let output = try #require(language == "en" ? SearchTests.output : AccessibilityTests.chineseOutput)
        for page in AccessibilityTests.pageKinds {
            let messages = try Browser.consoleMessages(try AccessibilityTests.url(page, in: output).absoluteString)
            #expect(!messages.contains("Content Security Policy"), "\(page): \(messages)")
        }
    }
}
