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
        let (edited, seconds) = try await poll(page, limit: 60) { $0.contains("<h1>Acme Two</h1>") }
        #expect(edited.contains("<h1>Acme Two</h1>"), "the edit did not show up (waited \(seconds) s)")

        try TestSupport.write(["content/accounts/acme.md": dossier.replacingOccurrences(of: "stage: pre", with: "stage: later")], under: site)
        let (broken, _) = try await poll(page, limit: 60) { $0.contains("The build failed") }
        #expect(broken.contains("content/accounts/acme.md:4:8: error: unknown stage &#39;later&#39;") || broken.contains("content/accounts/acme.md:4:8: error: unknown stage 'later'"))

        try TestSupport.write(["content/accounts/acme.md": dossier], under: site)
        let (fixed, _) = try await poll(page, limit: 60) { $0.contains("<h1>Acme One</h1>") }
        #expect(fixed.contains("<h1>Acme One</h1>"), "the server kept running and recovered")

        let outside = try #require(URL(string: "http://127.0.0.1:\(port)/..%2F..%2Fetc/passwd"))
        #expect(try await fetch(outside) == "not found\n")
        await server.stop()
    }

    // MARK: - Requests a browser would not send (raw sockets)

    private static let dossier = "---\nname: Acme One\nowner: Mei\nstage: pre\n---\n\nHello.\n"

    /// A site with one dossier, served on a free port of 127.0.0.1.
    private func startServer() async throws -> (PreviewServer, UInt16, URL) {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": Self.dossier], under: site)
        let server = try PreviewServer(siteRoot: site, asOf: TestSupport.asOf, port: 0)
        let port = try await server.start()
        return (server, port, site)
    }

    private func get(_ path: String, host: String, method: String = "GET", extra: String = "") -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\n\(extra)\(extra.contains("Connection:") ? "" : "Connection: close\r\n")\r\n"
    }

    @Test func answersOnlyHostsThatNameItsOwnAddress() async throws {
        let (server, port, _) = try await startServer()
        defer { Task { await server.stop() } }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            let response = try await RawHTTPConnection.exchange(port: port, get("/accounts/acme/", host: host))
            #expect(response.status == 200, "Host: \(host)")
            #expect(response.text.contains("<h1>Acme One</h1>"), "Host: \(host)")
        }
        // A DNS-rebinding page reaches the server under its own name; other ports and names are foreign too.
        for host in ["attacker.example:\(port)", "attacker.example", "127.0.0.1", "127.0.0.1:\(port &+ 1)", "localhost.attacker.example:\(port)", "127.0.0.1:\(port)@attacker.example"] {
            let response = try await RawHTTPConnection.exchange(port: port, get("/accounts/acme/", host: host))
            #expect(response.status == 421, "Host: \(host)")
            #expect(!response.text.contains("Acme One"), "Host: \(host)")
        }
        let noHost = try await RawHTTPConnection.exchange(port: port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(noHost.status == 400)
        #expect(!noHost.text.contains("Acme One"))
    }

    @Test func refusesLiveReloadSocketsFromOtherOriginsAndReloadsOnesFromItsOwn() async throws {
        let (server, port, site) = try await startServer()
        defer { Task { await server.stop() } }
        let upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        for origin in ["http://attacker.example", "http://attacker.example:\(port)", "null", "https://127.0.0.1:\(port)", "http://127.0.0.1:\(port &+ 1)"] {
            let response = try await RawHTTPConnection.exchange(port: port, get(PreviewServer.socketPath, host: "127.0.0.1:\(port)", extra: upgrade + "Origin: \(origin)\r\n"), headOnly: true)
            #expect(response.status == 403, "Origin: \(origin)")
        }
        let noOrigin = try await RawHTTPConnection.exchange(port: port, get(PreviewServer.socketPath, host: "127.0.0.1:\(port)", extra: upgrade), headOnly: true)
        #expect(noOrigin.status == 403)

        // The page's own origin gets the socket, and a `reload` message after the next build.
        let request = get(PreviewServer.socketPath, host: "localhost:\(port)", extra: upgrade + "Origin: http://localhost:\(port)\r\n")
        let frame = try await RawHTTPConnection.onThread { () -> (Int, String, UInt8, String) in
            let connection = try RawHTTPConnection(port: port)
            connection.send(Array(request.utf8))
            let response = try connection.readResponse(headOnly: true)
            guard response.status == 101 else { return (response.status, "", 0, "") }
            try TestSupport.write(["content/accounts/acme.md": Self.dossier.replacingOccurrences(of: "Acme One", with: "Acme Two")], under: site)
            let (opcode, payload) = try connection.readFrame()
            return (response.status, response.headers["sec-websocket-accept"] ?? "", opcode, String(decoding: payload, as: UTF8.self))
        }
        #expect(frame.0 == 101)
        #expect(frame.1 == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "the accept key of RFC 6455's example")
        #expect(frame.2 == 1 && frame.3 == "reload")
    }

    @Test(arguments: [20_000, 100_000])
    func refusesAnOverlongRequestLineWhileServingOthers(length: Int) async throws {
        let (server, port, _) = try await startServer()
        defer { Task { await server.stop() } }
        let long = Array(get("/" + String(repeating: "a", count: length), host: "127.0.0.1:\(port)").utf8)
        let other = Array(get("/accounts/acme/", host: "127.0.0.1:\(port)").utf8)
        let (refused, served) = try await RawHTTPConnection.onThread { () -> (RawHTTPConnection.Response, RawHTTPConnection.Response) in
            // The long line is sent without its line break, and its connection stays open while
            // another client asks for a page.
            let first = try RawHTTPConnection(port: port)
            first.send(Array(long.prefix(length)))
            let second = try RawHTTPConnection(port: port)
            second.send(other)
            let served = try second.readResponse()
            first.send(Array(long.dropFirst(length)))
            return (try first.readResponse(), served)
        }
        #expect(refused.status == 414)
        #expect(served.status == 200)
        #expect(served.text.contains("<h1>Acme One</h1>"))
        // Many at once, and the server still answers afterwards.
        async let many = withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await RawHTTPConnection.exchange(port: port, long).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let after = try await RawHTTPConnection.exchange(port: port, get("/", host: "127.0.0.1:\(port)"))
        #expect(try await many == Array(repeating: 414, count: 8))
        #expect(after.status == 200)
    }

    @Test func refusesHeadersLargerThanEightKilobytes() async throws {
        let (server, port, _) = try await startServer()
        defer { Task { await server.stop() } }
        let filler = (0..<12).map { "X-Filler-\($0): \(String(repeating: "b", count: 1000))\r\n" }.joined()
        let response = try await RawHTTPConnection.exchange(port: port, get("/", host: "127.0.0.1:\(port)", extra: filler))
        #expect(response.status == 431)
        // One header line longer than the whole allowance is refused the same way.
        let single = try await RawHTTPConnection.exchange(port: port, get("/", host: "127.0.0.1:\(port)", extra: "X-Long: \(String(repeating: "c", count: 50_000))\r\n"))
        #expect(single.status == 431)
        // Headers just under the limit are fine.
        let fine = try await RawHTTPConnection.exchange(port: port, get("/", host: "127.0.0.1:\(port)", extra: "X-Filler: \(String(repeating: "d", count: 7000))\r\n"))
        #expect(fine.status == 200)
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        let (server, port, _) = try await startServer()
        defer { Task { await server.stop() } }
        for path in ["/accounts/acme/index.html", "/accounts/acme/", "/assets/style.css"] {
            let full = try await RawHTTPConnection.exchange(port: port, get(path, host: "127.0.0.1:\(port)"))
            let head = try await RawHTTPConnection.exchange(port: port, get(path, host: "127.0.0.1:\(port)", method: "HEAD"))
            #expect(full.status == 200, "GET \(path)")
            #expect(head.status == 200, "HEAD \(path)")
            #expect(head.body.isEmpty, "HEAD \(path) sends no body")
            #expect(head.headers["content-length"] == String(full.body.count), "HEAD \(path)")
            #expect(head.headers["content-type"] == full.headers["content-type"], "HEAD \(path)")
        }
        let missing = try await RawHTTPConnection.exchange(port: port, get("/no/such/page.html", host: "127.0.0.1:\(port)", method: "HEAD"))
        #expect(missing.status == 404 && missing.body.isEmpty)
    }

    @Test func liveReloadIsAnExternalScriptOnServedPagesOnly() async throws {
        let (server, port, _) = try await startServer()
        defer { Task { await server.stop() } }
        let page = try await RawHTTPConnection.exchange(port: port, get("/accounts/acme/", host: "127.0.0.1:\(port)"))
        #expect(page.text.contains("<script src=\"\(PreviewServer.scriptPath)\"></script>"))
        #expect(!page.text.contains("new WebSocket"), "no inline script: pages forbid them (Content-Security-Policy)")
        let script = try await RawHTTPConnection.exchange(port: port, get(PreviewServer.scriptPath, host: "127.0.0.1:\(port)"))
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains(PreviewServer.socketPath))
    }

    @Test func pathsOutsideTheSiteAreNotFound() async throws {
        let (server, port, _) = try await startServer()
        defer { Task { await server.stop() } }
        let forms = [
            "/../../../../etc/passwd", "/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc/passwd",
            "/accounts/../../../etc/passwd", "/./../../etc/passwd", "//etc/passwd", "/..\\..\\..\\etc\\passwd", "/..%5C..%5Cetc%5Cpasswd",
            "/%252e%252e/%252e%252e/etc/passwd", "/..%00/etc/passwd", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/....//....//etc/passwd",
            "/accounts/acme/../../../../../etc/passwd?x=1", "/..;/..;/etc/passwd",
        ]
        for path in forms {
            let response = try await RawHTTPConnection.exchange(port: port, get(path, host: "127.0.0.1:\(port)"))
            #expect(response.status == 404 || response.status == 400, "\(path) answered \(response.status)")
            #expect(!response.text.contains("root:"), "\(path)")
        }
    }

    /// Fetches `path` (with the right Host) until `condition` holds, for at most about 60 s (a generous
    /// bound: the whole suite on two loaded cores once took 16 s for one rebuild).
    private func waitFor(_ path: String, port: UInt16, until condition: (RawHTTPConnection.Response) -> Bool) async throws -> RawHTTPConnection.Response {
        var response = try await RawHTTPConnection.exchange(port: port, get(path, host: "127.0.0.1:\(port)"))
        for _ in 0..<1200 where !condition(response) {
            try await Task.sleep(nanoseconds: 50_000_000)
            response = try await RawHTTPConnection.exchange(port: port, get(path, host: "127.0.0.1:\(port)"))
        }
        return response
    }

    /// Edits in a folder made after the server started, in templates and in the settings file are
    /// noticed: through inotify on Linux, and by comparing files with `pollsOnly`.
    @Test(arguments: [false, true])
    func noticesEditsAnywhereInTheSources(pollsOnly: Bool) async throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": Self.dossier, "dossier.yml": "title: First title\n"], under: site)
        let server = try PreviewServer(siteRoot: site, asOf: TestSupport.asOf, port: 0, pollsOnly: pollsOnly)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        #if os(Linux)
        #expect(server.watchMethod == (pollsOnly ? "polling" : "inotify"))
        #endif

        let beta = Self.dossier.replacingOccurrences(of: "Acme One", with: "Beta One")
        try TestSupport.write(["content/accounts/dach/north/beta.md": beta], under: site)
        let added = try await waitFor("/accounts/beta/", port: port) { $0.status == 200 }
        #expect(added.text.contains("<h1>Beta One</h1>"), "a dossier in new folders")

        try TestSupport.write(["content/accounts/dach/north/beta.md": beta.replacingOccurrences(of: "Beta One", with: "Beta Two")], under: site)
        let edited = try await waitFor("/accounts/beta/", port: port) { $0.text.contains("Beta Two") }
        #expect(edited.text.contains("<h1>Beta Two</h1>"), "an edit inside a folder made after the start")

        try TestSupport.write(["dossier.yml": "title: Second title\n"], under: site)
        let retitled = try await waitFor("/", port: port) { $0.text.contains("Second title") }
        #expect(retitled.text.contains("Second title"), "the settings file")

        try TestSupport.write(["templates/style.css": "body { color: #123456 }\n"], under: site)
        let styled = try await waitFor("/assets/style.css", port: port) { $0.text.contains("#123456") }
        #expect(styled.text.contains("#123456"), "a template override")

        try FileManager.default.removeItem(at: site.appendingPathComponent("content/accounts/dach"))
        let removed = try await waitFor("/accounts/beta/", port: port) { $0.status == 404 }
        #expect(removed.status == 404, "a removed folder")
        await server.stop()
    }

    /// The `dossier` executable built beside the test bundle by `swift build --build-tests`.
    private static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("dossier")
    }

    /// `dossier serve` as a process: 100 kB requests from several clients at once neither pin it
    /// nor keep it from stopping on SIGTERM.
    @Test func stopsOnSigtermWhileRefusingHugeRequests() async throws {
        let binary = Self.executable
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the executable first: swift build --build-tests (looked for \(binary.path))")
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": Self.dossier], under: site)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--site", site.path, "--port", "0", "--as-of", "2026-11-26"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // "serving DIR at http://127.0.0.1:PORT/ (Ctrl-C stops)"
        let reader = output.fileHandleForReading
        let line = try await RawHTTPConnection.onThread { () -> String in
            var text = ""
            while !text.contains("\n") {
                let data = reader.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        let port = try #require(line.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) }, "no address in \(line.debugDescription)")

        let long = get("/" + String(repeating: "a", count: 100_000), host: "127.0.0.1:\(port)")
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var statuses: [Int] = []
                    for _ in 0..<3 { statuses.append(try await RawHTTPConnection.exchange(port: port, long).status) }
                    return statuses
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        #expect(statuses == Array(repeating: 414, count: 12))

        // Huge requests still arriving when the signal comes.
        let inFlight = Task { try? await RawHTTPConnection.exchange(port: port, long) }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<1200 where process.isRunning {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        _ = await inFlight.value
        #expect(!process.isRunning, "serve did not stop within 60 s of SIGTERM")
        if !process.isRunning {
            #expect(process.terminationStatus == 0)
        }
    }
}

