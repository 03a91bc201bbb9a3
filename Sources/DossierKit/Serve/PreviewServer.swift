import FlyingFox
import Foundation

/// `dossier serve`: builds the site, serves it on a local address, rebuilds when sources change and
/// reloads open pages.
///
/// Built on FlyingFox (a small HTTP and WebSocket server on Swift concurrency, no other dependency).
/// The site is built into a temporary folder, never into the site's `output/`, with a build cache of
/// its own there, so a rebuild after an edit parses and renders only what the edit touched. The reload script is
/// added only to pages as they are served; the built files stay exactly what `dossier build` writes.
/// When a build fails, every page shows the diagnostics instead of stale content, and the server
/// keeps running.
public final class PreviewServer: Sendable {
    /// The path of the live-reload WebSocket.
    static let socketPath = "/__dossier/live"

    private let builder: SiteBuilder
    private let watcher: SiteWatcher
    private let server: HTTPServer
    private let hub = LiveReload()
    private let state = PreviewState()

    /// A server for the site `siteRoot` on `host:port`: an IPv4 address or `localhost`; port 0 picks a free one.
    public init(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName, host: String = "127.0.0.1", port: UInt16 = 8000) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)")
        var builder = SiteBuilder(siteRoot: siteRoot, output: folder.appendingPathComponent("site"), asOf: asOf, configFile: configFile)
        builder.usesCache = true
        builder.cacheFolder = folder.appendingPathComponent("cache")
        self.builder = builder
        watcher = SiteWatcher(siteRoot: siteRoot, configFile: configFile)
        server = HTTPServer(address: try .inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port), logger: .disabled)
    }

    /// Builds once, starts listening, and returns the port it listens on.
    public func start() async throws -> UInt16 {
        await rebuild()
        await server.appendRoute(HTTPRoute(stringLiteral: "GET \(Self.socketPath)"), to: .webSocket(LiveReloadSocket(hub: hub)))
        let root = builder.output
        let state = self.state
        await server.appendRoute("GET *") { request in
            await PreviewResponses.response(for: request.path, root: root, state: state)
        }
        Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { return 0 }
        Task { await watch() }
        return port
    }

    /// Stops listening and removes the temporary build.
    public func stop() async {
        await server.stop(timeout: 1)
        try? FileManager.default.removeItem(at: builder.output.deletingLastPathComponent())
    }

    /// Polls the sources four times a second and rebuilds when they change.
    private func watch() async {
        var last = watcher.fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 250_000_000)
            let now = watcher.fingerprint()
            guard now != last else { continue }
            last = now
            await rebuild()
        }
    }

    private func rebuild() async {
        let report = builder.build()
        await state.record(report)
        await hub.publish()
    }
}

/// The outcome of the latest build, shared with the request handler.
actor PreviewState {
    /// The diagnostics of the latest build when it failed, else nil.
    private(set) var failure: String?

    func record(_ report: BuildReport) {
        failure = report.hasErrors ? DiagnosticReport.text(report.problems, summary: report.analysis.summary) : nil
    }
}

/// What the preview server answers.
enum PreviewResponses {
    /// Reconnects after the server restarts and reloads on every build.
    static let reloadScript = """
        <script>
        (function () {
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(PreviewServer.socketPath)");
            socket.onmessage = function () { location.reload(); };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();
        </script>
        """

    static func response(for path: String, root: URL, state: PreviewState) async -> HTTPResponse {
        let relative = path.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." }
        var file = relative.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = file.appendingPathComponent("index.html")
        }
        let isPage = file.pathExtension == "html"
        if isPage, let failure = await state.failure {
            return page(overlay(failure), status: .ok)
        }
        guard file.standardizedFileURL.path.hasPrefix(root.standardizedFileURL.path), let data = FileManager.default.contents(atPath: file.path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
        }
        if isPage {
            return page(String(decoding: data, as: UTF8.self), status: .ok)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: contentType(of: file), .cacheControl: "no-store"], body: data)
    }

    private static func page(_ html: String, status: HTTPStatusCode) -> HTTPResponse {
        let withScript = html.contains("</body>") ? html.replacingOccurrences(of: "</body>", with: reloadScript + "\n</body>") : html + reloadScript
        return HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(withScript.utf8))
    }

    /// The page shown instead of the site while the latest build fails.
    static func overlay(_ diagnostics: String) -> String {
        let escaped = diagnostics.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
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
        switch file.pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
