import Foundation
import Testing
@testable import DossierKit

/// The preview server's request handling as pure functions: bytes in, request or status out;
/// request in, response out. No sockets.
@Suite struct PreviewRequestTests {
    private func parse(_ text: String, limits: PreviewRequest.Limits = .standard) -> Result<PreviewRequest, PreviewRequest.Rejection> {
        PreviewRequest.parse(Array(text.utf8), limits: limits)
    }

    private func status(_ text: String, limits: PreviewRequest.Limits = .standard) -> Int {
        switch parse(text, limits: limits) {
        case .success: 200
        case .failure(let rejection): rejection.status
        }
    }

    @Test func parsesARequestHead() throws {
        let request = try parse("GET /accounts/acme/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nX-Empty:\r\nAccept:  text/html \t\r\n\r\nbody bytes are ignored").get()
        #expect(request.method == "GET")
        #expect(request.target == "/accounts/acme/?q=1")
        #expect(request.version == "HTTP/1.1")
        #expect(request.fields == [HTTPField("Host", "127.0.0.1:8000"), HTTPField("X-Empty", ""), HTTPField("Accept", "text/html")])
        #expect(request.value(of: "host") == "127.0.0.1:8000")
        // Bare line feeds are accepted as line ends.
        #expect(try parse("HEAD / HTTP/1.0\nHost: x\n\n").get().fields == [HTTPField("Host", "x")])
    }

    @Test func refusesMalformedHeads() {
        for head in [
            "", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: x\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n", "GET /a\u{7F} HTTP/1.1\r\n\r\n", "GET / FTP/1.0\r\n\r\n", "GET / HTTP/1.1\r\nNo colon\r\n\r\n",
            "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", "GET / HTTP/1.1\r\n: empty name\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n", "GET /\r HTTP/1.1\r\n\r\n",
        ] {
            #expect(status(head) == 400, "\(head.debugDescription)")
        }
        #expect(status("GET / HTTP/2.0\r\n\r\n") == 505)
    }

    @Test func refusesOverlongRequestLinesAndHeaders() {
        let limits = PreviewRequest.Limits(requestLine: 24, headers: 30)
        #expect(status("GET /0123456789 HTTP/1.1\r\n\r\n", limits: limits) == 200, "24 bytes exactly")
        #expect(status("GET /01234567890 HTTP/1.1\r\n\r\n", limits: limits) == 414)
        #expect(status("GET /" + String(repeating: "a", count: 100), limits: limits) == 414, "no line break needed to tell")
        #expect(status("GET / HTTP/1.1\r\nA: 01234567890123456789012\r\n\r\n", limits: limits) == 200, "30 bytes with the empty line")
        #expect(status("GET / HTTP/1.1\r\nA: 012345678901234567890123\r\n\r\n", limits: limits) == 431)
        #expect(status("GET / HTTP/1.1\r\nA: " + String(repeating: "b", count: 100), limits: limits) == 431, "no end needed to tell")
        #expect(status("GET / HTTP/1.1\r\n" + String(repeating: "A: b\r\n", count: 10) + "\r\n", limits: limits) == 431, "many short lines add up")
    }

    @Test func scannerDecidesAsBytesArriveLookingAtEachOnce() {
        var scanner = PreviewRequest.Scanner()
        var buffer: [UInt8] = []
        for byte in Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8) {
            buffer.append(byte)
            #expect(scanner.scan(buffer) == .needsMore)
        }
        buffer += Array("\r\nrest".utf8)
        #expect(scanner.scan(buffer) == .complete(length: buffer.count - 4))

        // A 100 kB line is refused as soon as 8 KB of it have arrived.
        var long = PreviewRequest.Scanner()
        var line = Array("GET /".utf8)
        var progress = long.scan(line)
        while progress == .needsMore, line.count < 100_000 {
            line += [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
            progress = long.scan(line)
        }
        #expect(progress == .rejected(PreviewRequest.Rejection(status: 414, reason: "request line longer than the limit")))
        #expect(line.count <= PreviewRequest.Limits.standard.requestLine + 1000)
    }

    // MARK: - Responses

    private func site() throws -> URL {
        let root = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "index.html": "<html><body><h1>Portfolio</h1></body></html>",
            "accounts/acme/index.html": "<html><body><h1>Acme</h1></body></html>",
            "assets/style.css": "h1 { color: red }",
            "meetings.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            "portfolio.csv": "name\r\nAcme\r\n",
        ], under: root)
        return root
    }

    private func request(_ target: String, method: String = "GET", host: String = "127.0.0.1:8000", _ fields: [HTTPField] = []) -> PreviewRequest {
        PreviewRequest(method: method, target: target, fields: [HTTPField("Host", host)] + fields)
    }

    @Test func answersFilesPagesAndTheScript() throws {
        let responder = PreviewResponder(root: try site(), host: "127.0.0.1", port: 8000)
        let page = responder.response(to: request("/accounts/acme/"))
        #expect(page.status == 200)
        #expect(page.value(of: "Content-Type") == "text/html; charset=utf-8")
        #expect(String(decoding: page.body, as: UTF8.self) == "<html><body><h1>Acme</h1><script src=\"/__dossier/live-reload.js\"></script>\n</body></html>")
        let css = responder.response(to: request("/assets/style.css?v=1"))
        #expect(css.status == 200 && css.body == Array("h1 { color: red }".utf8))
        #expect(css.value(of: "Content-Type") == "text/css; charset=utf-8")
        #expect(responder.response(to: request("/meetings.ics")).value(of: "Content-Type") == "text/calendar; charset=utf-8")
        #expect(responder.response(to: request("/portfolio.csv")).value(of: "Content-Type") == "text/csv; charset=utf-8")
        let script = responder.response(to: request(PreviewServer.scriptPath))
        #expect(script.status == 200 && String(decoding: script.body, as: UTF8.self).contains("new WebSocket"))
        let folder = responder.response(to: request("/accounts/acme?x=1"))
        #expect(folder.status == 301 && folder.value(of: "Location") == "/accounts/acme/?x=1")
        let slashes = responder.response(to: request("//accounts"))
        #expect(slashes.value(of: "Location") == "/accounts/", "never a protocol-relative address")
        #expect(responder.response(to: request("/", method: "POST")).status == 405)
        #expect(responder.response(to: request("/missing.html")).status == 404)
        #expect(responder.response(to: request("*")).status == 400)
        // HEAD: the same head; the server leaves the body out when it sends.
        let head = responder.response(to: request("/accounts/acme/", method: "HEAD"))
        #expect(head == page)
        #expect(head.bytes(includingBody: false) == head.head)
        #expect(String(decoding: head.head, as: UTF8.self).contains("Content-Length: \(page.body.count)\r\n"))
    }

    @Test func failedBuildsShowTheirDiagnosticsOnEveryPage() throws {
        let responder = PreviewResponder(root: try site(), host: "127.0.0.1", port: 8000)
        let page = responder.response(to: request("/"), buildFailure: "content/accounts/acme.md:4:8: error: unknown stage '<b>'")
        let text = String(decoding: page.body, as: UTF8.self)
        #expect(text.contains("The build failed") && text.contains("unknown stage &#39;&lt;b&gt;&#39;"))
        #expect(responder.response(to: request("/assets/style.css"), buildFailure: "x").status == 200, "files other than pages are still served")
    }

    /// Issue 9, finding 15 for the preview: the diagnostics shown in the browser end with a summary
    /// that counts errors of every stage (it said "0 errors" under the error of a later stage).
    @Test func theFailureShownCountsErrorsOfEveryStage() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let report = SiteBuilder(siteRoot: folder.appendingPathComponent("typo"), output: folder.appendingPathComponent("out"), asOf: TestSupport.asOf).build()
        let state = PreviewState()
        state.record(report)
        let failure = try #require(state.failure)
        #expect(failure.contains("error: not a dossier site"))
        #expect(failure.contains("1 error, 0 warnings"), "\(failure)")
    }

    @Test func answersOnlyToItsOwnHostNames() throws {
        let responder = PreviewResponder(root: try site(), host: "192.168.1.20", port: 8000)
        for host in ["127.0.0.1:8000", "localhost:8000", "LocalHost:8000", "[::1]:8000", "192.168.1.20:8000"] {
            #expect(responder.response(to: request("/", host: host)).status == 200, "\(host)")
        }
        for host in ["evil.example:8000", "127.0.0.1", "127.0.0.1:80", "127.0.0.1:8000.evil.example", "", "127.0.0.1:08000"] {
            #expect(responder.response(to: request("/", host: host)).status == 421, "\(host)")
        }
        let twoHosts = PreviewRequest(method: "GET", target: "/", fields: [HTTPField("Host", "127.0.0.1:8000"), HTTPField("Host", "evil.example")])
        #expect(responder.response(to: twoHosts).status == 400)
        #expect(PreviewResponder.allowedHosts(host: "localhost", port: 80).contains("localhost"), "port 80 may be left out")
    }

    @Test func upgradesToAWebSocketOnlyForTheServedOrigin() throws {
        let responder = PreviewResponder(root: try site(), host: "127.0.0.1", port: 8000)
        let handshake = [HTTPField("Upgrade", "websocket"), HTTPField("Connection", "keep-alive, Upgrade"),
                         HTTPField("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), HTTPField("Sec-WebSocket-Version", "13")]
        let accepted = responder.response(to: request(PreviewServer.socketPath, host: "localhost:8000", handshake + [HTTPField("Origin", "http://localhost:8000")]))
        #expect(accepted.status == 101)
        #expect(accepted.value(of: "Sec-WebSocket-Accept") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(!String(decoding: accepted.head, as: UTF8.self).contains("Content-Length"))
        for origin in ["http://127.0.0.1:8000", "http://evil.example", "null", "https://localhost:8000"] {
            let refused = responder.response(to: request(PreviewServer.socketPath, host: "localhost:8000", handshake + [HTTPField("Origin", origin)]))
            #expect(refused.status == 403, "\(origin)")
        }
        #expect(responder.response(to: request(PreviewServer.socketPath, host: "localhost:8000", handshake)).status == 403, "no Origin")
        #expect(responder.response(to: request(PreviewServer.socketPath)).status == 426, "not an upgrade")
    }

    @Test func pathsThatCannotNameAFileOfTheSite() {
        #expect(PreviewResponder.segments(of: "/accounts/acme%20one/./index.html") == ["accounts", "acme one", "index.html"])
        for path in ["/../x", "/a/%2e%2e/x", "/a/..%2Fx", "/%00", "/a\\b", "/%c0%ae", "/%zz", "/%4"] {
            #expect(PreviewResponder.segments(of: Substring(path)) == nil, "\(path)")
        }
    }

    @Test func acceptValueOfRFC6455sExample() {
        // RFC 6455, section 1.3: the key "dGhlIHNhbXBsZSBub25jZQ==" is answered with this value.
        #expect(PreviewResponder.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(PreviewResponder.acceptValue(forKey: "x3JJHMbDL1EzLkh9GBhXDw==") == "HSmrc0sMlYUkAGmm5OPpG2HaGWk=")
    }
}
