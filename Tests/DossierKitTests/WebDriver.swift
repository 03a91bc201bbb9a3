import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Headless Chromium driven through Debian's `chromedriver` (W3C WebDriver over HTTP on 127.0.0.1):
/// real key presses (trusted events: Tab moves focus, Enter follows a link) and scripts run in the
/// page, such as axe-core. Installed by `scripts/install-deps --test`; a missing tool fails the test.
final class WebDriver: @unchecked Sendable {
    private let driver: Process
    private let base: URL
    private let session: String

    /// The W3C key codes used by the tests.
    enum Key: String {
        case tab = "\u{E004}", enter = "\u{E007}", arrowUp = "\u{E013}", arrowDown = "\u{E015}", shift = "\u{E008}"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() async throws {
        let port = try Self.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        driver.arguments = ["chromedriver", "--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? await Self.request(base.appendingPathComponent("status"), method: "GET", body: nil)) != nil
            if !ready { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        guard ready else { Self.stop(driver); throw Failure(description: "chromedriver did not start; run scripts/install-deps --test") }
        let profile = try TestSupport.makeTemporaryFolder()
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": "/usr/bin/chromium",
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                         "--user-data-dir=\(profile.path)", "--allow-file-access-from-files"],
            ],
        ]]]
        do {
            let created = try await Self.request(base.appendingPathComponent("session"), method: "POST", body: capabilities)
            guard let id = (created as? [String: Any])?["sessionId"] as? String else { throw Failure(description: "no session: \(String(describing: created))") }
            session = id
        } catch {
            Self.stop(driver)
            throw error
        }
        _ = try await command("timeouts", ["script": 120_000, "pageLoad": 60_000])
    }

    /// Ends the browser and the driver.
    func quit() async {
        _ = try? await Self.request(base.appendingPathComponent("session/\(session)"), method: "DELETE", body: nil)
        _ = try? await Self.request(base.appendingPathComponent("shutdown"), method: "GET", body: nil)
        Self.stop(driver)
    }

    /// Ends the driver process: it may ignore SIGTERM while busy, so SIGKILL follows after a moment.
    private static func stop(_ driver: Process) {
        driver.terminate()
        for _ in 0..<20 where driver.isRunning { usleep(50_000) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        driver.waitUntilExit()
    }

    /// Opens `url` and waits for it to load.
    func open(_ url: URL) async throws {
        _ = try await command("url", ["url": url.absoluteString])
    }

    /// The address of the page shown.
    func currentURL() async throws -> String {
        try await command("url", method: "GET") as? String ?? ""
    }

    /// The address of the page shown once it contains `part` (a key press may start a navigation
    /// that ends a moment later), or the address after five seconds.
    func url(containing part: String) async throws -> String {
        var address = try await currentURL()
        for _ in 0..<50 where !address.contains(part) {
            try await Task.sleep(nanoseconds: 100_000_000)
            address = try await currentURL()
        }
        if address.contains(part) {
            _ = try await run("return document.readyState;")
        }
        return address
    }

    /// Runs `script` (a function body; `arguments` are its arguments) in the page and returns its result.
    @discardableResult
    func run(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("execute/sync", ["script": script, "args": arguments])
    }

    /// Runs `script`, which calls its last argument with the result when done.
    func runAsync(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("execute/async", ["script": script, "args": arguments])
    }

    /// Presses each key in turn, as a person at the keyboard would.
    func press(_ keys: [Key]) async throws {
        try await type(keys.map(\.rawValue).joined())
    }

    /// Types `text` key by key.
    func type(_ text: String) async throws {
        let actions: [[String: Any]] = text.map(String.init).flatMap { key in
            [["type": "keyDown", "value": key], ["type": "keyUp", "value": key]]
        }
        _ = try await command("actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
        _ = try await command("actions", method: "DELETE")
    }

    private func command(_ path: String, _ body: [String: Any]? = nil, method: String = "POST") async throws -> Any? {
        let url = base.appendingPathComponent("session/\(session)/\(path)")
        return try await Self.request(url, method: method, body: method == "POST" ? (body ?? [:]) : nil)
    }

    /// One HTTP/1.1 exchange with the driver on 127.0.0.1 (a plain socket: the driver is local, and
    /// Foundation's URLSession on Linux cannot read its responses).
    private static func request(_ url: URL, method: String, body: [String: Any]?) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) \(url.path) HTTP/1.1\r\nHost: 127.0.0.1:\(url.port ?? 80)\r\nConnection: close\r\n"
        if body != nil { head += "Content-Type: application/json\r\n" }
        head += "Content-Length: \(payload.count)\r\n\r\n"
        let response = try exchange(Data(head.utf8) + payload, port: url.port ?? 80)
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no HTTP response from the driver") }
        let statusLine = String(decoding: response[..<split.lowerBound], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let data = response[split.upperBound...]
        guard statusLine.split(separator: " ").dropFirst().first == "200" else {
            throw Failure(description: "WebDriver \(method) \(url.path): \(statusLine) \(String(decoding: data.prefix(2000), as: UTF8.self))")
        }
        let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = json?["value"]
        return value is NSNull ? nil : value
    }

    /// Sends `request` to 127.0.0.1:`port` and reads the whole answer (the driver closes the connection).
    private static func exchange(_ request: Data, port: Int) throws -> Data {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to the driver") }
        var timeout = timeval(tv_sec: 180, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try request.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { throw Failure(description: "cannot send to the driver") }
                offset += sent
            }
        }
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !isComplete(response) {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            response.append(contentsOf: chunk[0..<count])
        }
        return response
    }

    /// Whether `response` holds its headers and as many body bytes as its Content-Length says.
    private static func isComplete(_ response: Data) -> Bool {
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let headers = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
        guard let line = headers.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
        return response.count - split.upperBound >= length
    }

    /// A TCP port on 127.0.0.1 free at the moment of asking.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
