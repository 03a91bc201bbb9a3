import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierKit

/// `dossier serve` in-process on a free port, fetched over HTTP like a browser does.
@Suite struct ServeTests {
    private func fetch(_ url: URL) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    /// Fetches `url` until `condition` holds or `limit` seconds pass; returns the page and the seconds waited.
    private func poll(_ url: URL, limit: Double, until condition: (String) -> Bool) async throws -> (String, Double) {
        let start = Date()
        var page = try await fetch(url)
        while !condition(page), Date().timeIntervalSince(start) < limit {
            try await Task.sleep(nanoseconds: 50_000_000)
            page = try await fetch(url)
        }
        return (page, Date().timeIntervalSince(start))
    }

    @Test func servesRebuildsOnAnEditAndShowsErrorsInsteadOfStaleContent() async throws {
        let site = try TestSupport.makeTemporaryFolder()
        let dossier = "---\nname: Acme One\nowner: Mei\nstage: pre\n---\n\nHello.\n"
        try TestSupport.write(["content/accounts/acme.md": dossier], under: site)
        let server = try PreviewServer(siteRoot: site, asOf: TestSupport.asOf, port: 0)
        let port = try await server.start()
        #expect(port > 0)
        let page = try #require(URL(string: "http://127.0.0.1:\(port)/accounts/acme/index.html"))

        let first = try await fetch(page)
        #expect(first.contains("<h1>Acme One</h1>"))
        #expect(first.contains(PreviewServer.socketPath), "served pages carry the reload script")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path), "serve never writes into the site")

        try TestSupport.write(["content/accounts/acme.md": dossier.replacingOccurrences(of: "Acme One", with: "Acme Two")], under: site)
        let (edited, seconds) = try await poll(page, limit: 10) { $0.contains("<h1>Acme Two</h1>") }
        #expect(edited.contains("<h1>Acme Two</h1>"), "the edit did not show up (waited \(seconds) s)")

        try TestSupport.write(["content/accounts/acme.md": dossier.replacingOccurrences(of: "stage: pre", with: "stage: later")], under: site)
        let (broken, _) = try await poll(page, limit: 10) { $0.contains("The build failed") }
        #expect(broken.contains("content/accounts/acme.md:4:8: error: unknown stage &#39;later&#39;") || broken.contains("content/accounts/acme.md:4:8: error: unknown stage 'later'"))

        try TestSupport.write(["content/accounts/acme.md": dossier], under: site)
        let (fixed, _) = try await poll(page, limit: 10) { $0.contains("<h1>Acme One</h1>") }
        #expect(fixed.contains("<h1>Acme One</h1>"), "the server kept running and recovered")

        let outside = try #require(URL(string: "http://127.0.0.1:\(port)/..%2F..%2Fetc/passwd"))
        #expect(try await fetch(outside) == "not found\n")
        await server.stop()
    }
}
