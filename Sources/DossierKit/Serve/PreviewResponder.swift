import Crypto
import Foundation

/// Turns a parsed request into the preview server's answer, from the built site in `root`.
///
/// No sockets and no state: the diagnostics of a failed build are passed in. This is the second
/// half of what the server does per connection (`PreviewRequest.parse` is the first), and what the
/// fuzz target calls. It answers:
/// - 421 when the `Host` header names anything but the address the server listens on (a page on
///   another site that rebinds its DNS name to 127.0.0.1 reaches the server under its own name);
/// - 101 to a WebSocket upgrade on `PreviewServer.socketPath` from the served origin, 403 from any
///   other `Origin`;
/// - the live-reload script on `PreviewServer.scriptPath`;
/// - files of the site for GET and HEAD (pages with the reload script added), 404 for anything
///   outside it.
public struct PreviewResponder: Sendable {
    /// The built site.
    public var root: URL
    /// The `Host` values accepted, lowercased, e.g. `127.0.0.1:8000`.
    public var allowedHosts: Set<String>

    /// A responder for the site built in `root`, served on `host:port`.
    public init(root: URL, host: String, port: UInt16) {
        self.root = root
        allowedHosts = Self.allowedHosts(host: host, port: port)
    }

    /// The `Host` values that name a server listening on `host:port`: the loopback names
    /// (`127.0.0.1`, `localhost`, `[::1]`) and `host` itself, each with the port (and also without
    /// it when the port is 80, as browsers leave the default port out).
    public static func allowedHosts(host: String, port: UInt16) -> Set<String> {
        let names = ["127.0.0.1", "localhost", "[::1]", host.lowercased()]
        var hosts = Set(names.map { "\($0):\(port)" })
        if port == 80 { hosts.formUnion(names) }
        return hosts
    }

    /// Parses `head` and answers it: a refused head gets its status (400, 414, 431, 505).
    public func response(toHead head: [UInt8], limits: PreviewRequest.Limits = .standard, buildFailure: String? = nil) -> PreviewResponse {
        switch PreviewRequest.parse(head, limits: limits) {
        case .success(let request): response(to: request, buildFailure: buildFailure)
        case .failure(let rejection): .text(rejection.status, rejection.reason + "\n")
        }
    }

    /// The answer to `request`; `buildFailure` is the diagnostics text of the latest build when it
    /// failed (pages then show it instead of stale content).
    public func response(to request: PreviewRequest, buildFailure: String? = nil) -> PreviewResponse {
        let hosts = request.values(of: "Host")
        guard hosts.count == 1 else { return .text(400, "exactly one Host header is required\n") }
        guard allowedHosts.contains(hosts[0].lowercased()) else {
            return .text(421, "this preview server answers only to \(allowedHosts.sorted().joined(separator: ", "))\n")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "only GET and HEAD are served\n", fields: [HTTPField("Allow", "GET, HEAD")])
        }
        guard request.target.hasPrefix("/") else { return .text(400, "the request target must be a path\n") }
        let pathPart = request.target.prefix { $0 != "?" && $0 != "#" }
        let query = request.target.dropFirst(pathPart.count)

        if pathPart == PreviewServer.socketPath {
            return upgrade(request, host: hosts[0])
        }
        if pathPart == PreviewServer.scriptPath {
            return PreviewResponse(status: 200, fields: Self.commonFields(type: "text/javascript; charset=utf-8"), body: Array(Self.reloadScript.utf8))
        }
        guard let segments = Self.segments(of: pathPart) else { return .text(404, "not found\n") }
        var file = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            guard pathPart.hasSuffix("/") else {
                // One leading slash only: `//name/` would send the browser to another host.
                let location = "/" + pathPart.drop { $0 == "/" } + "/" + query
                return .text(301, "moved\n", fields: [HTTPField("Location", location)])
            }
            file = file.appendingPathComponent("index.html")
        }
        let isPage = file.pathExtension == "html"
        if isPage, let buildFailure {
            return page(Self.overlay(buildFailure))
        }
        guard isInsideRoot(file), let data = FileManager.default.contents(atPath: file.path) else {
            return .text(404, "not found\n")
        }
        if isPage {
            return page(String(decoding: data, as: UTF8.self))
        }
        return PreviewResponse(status: 200, fields: Self.commonFields(type: Self.contentType(of: file)), body: Array(data))
    }

    /// The WebSocket handshake (RFC 6455), for pages of the served origin only.
    private func upgrade(_ request: PreviewRequest, host: String) -> PreviewResponse {
        let upgrade = request.values(of: "Upgrade").joined(separator: ",").lowercased()
        let connection = request.values(of: "Connection").joined(separator: ",").lowercased()
        guard request.method == "GET",
              upgrade.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "websocket" }),
              connection.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "upgrade" })
        else {
            return .text(426, "this path takes a WebSocket\n", fields: [HTTPField("Upgrade", "websocket")])
        }
        // A browser always sends Origin with a WebSocket; only the page's own origin may listen.
        guard let origin = request.value(of: "Origin"), origin.lowercased() == "http://" + host.lowercased() else {
            return .text(403, "WebSocket from another origin refused\n")
        }
        guard request.value(of: "Sec-WebSocket-Version") == "13" else {
            return .text(426, "WebSocket version 13 is required\n", fields: [HTTPField("Sec-WebSocket-Version", "13")])
        }
        guard let key = request.value(of: "Sec-WebSocket-Key"), Data(base64Encoded: key)?.count == 16 else {
            return .text(400, "bad Sec-WebSocket-Key\n")
        }
        let accept = Self.acceptValue(forKey: key)
        return PreviewResponse(status: 101, fields: [
            HTTPField("Upgrade", "websocket"),
            HTTPField("Connection", "Upgrade"),
            HTTPField("Sec-WebSocket-Accept", accept),
        ])
    }

    /// The percent-decoded segments of a path, or nil when it cannot name a file of the site
    /// (`..`, a backslash, a NUL, bad escapes or bytes that are not UTF-8).
    static func segments(of path: Substring) -> [String]? {
        var bytes: [UInt8] = []
        var iterator = Array(path.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces bytes that are not UTF-8, so a round trip that differs means there were some.
        guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")), Array(decoded.utf8) == bytes else { return nil }
        let segments = decoded.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !segments.contains("..") else { return nil }
        return segments
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// True when `file`, links resolved, lies inside the built site.
    private func isInsideRoot(_ file: URL) -> Bool {
        let resolvedRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = file.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/")
    }

    /// A page with the live-reload script added before `</body>`.
    private func page(_ html: String) -> PreviewResponse {
        let tag = "<script src=\"\(PreviewServer.scriptPath)\"></script>\n"
        var withScript = html
        if let close = html.range(of: "</body>", options: .backwards) {
            withScript.insert(contentsOf: tag, at: close.lowerBound)
        } else {
            withScript += tag
        }
        return PreviewResponse(status: 200, fields: Self.commonFields(type: "text/html; charset=utf-8"), body: Array(withScript.utf8))
    }

    private static func commonFields(type: String) -> [HTTPField] {
        [HTTPField("Content-Type", type), HTTPField("Cache-Control", "no-store"), HTTPField("X-Content-Type-Options", "nosniff")]
    }

    /// Served as an external, same-origin script: pages allow no inline scripts.
    /// Reconnects after the server restarts and reloads on every build.
    static let reloadScript = """
        (function () {
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(PreviewServer.socketPath)");
            socket.onmessage = function () { location.reload(); };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();

        """

    /// The page shown instead of the site while the latest build fails.
    static func overlay(_ diagnostics: String) -> String {
        let escaped = FastHTMLEscaping.escape(diagnostics)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build failed · dossier</title>
            <style>body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; } pre { background: #fff3f0; border-left: 4px solid #a4330d; padding: 1rem; white-space: pre-wrap; }</style></head>
            <body>
            <h1>The build failed</h1>
            <p>Fix the problems below and save: this page reloads by itself.</p>
            <pre>\(escaped)</pre>
            </body>
            </html>
            """
    }

    private static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "pdf": "application/pdf"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// The `Sec-WebSocket-Accept` value for a handshake's `Sec-WebSocket-Key` (RFC 6455, 4.2.2): the
    /// base64 SHA-1 of the key and the protocol's fixed GUID. RFC 6455 fixes SHA-1 here; it is not
    /// used for anything that needs a secure hash.
    static func acceptValue(forKey key: String) -> String {
        Data(Insecure.SHA1.hash(data: Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
    }
}
