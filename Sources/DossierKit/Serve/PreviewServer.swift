import Foundation

/// `dossier serve`: builds the site, serves it on a local address, rebuilds when sources change and
/// reloads open pages.
///
/// A small HTTP/1.1 server of its own over blocking sockets, one thread per connection
/// (`PreviewListener`): it reads each request head with hard limits before parsing it
/// (`PreviewRequest`, 8 KB of request line, 8 KB of header fields), answers GET and HEAD from the
/// built folder (`PreviewResponder`), and keeps one WebSocket per open page for live reload
/// (`LiveReload`). It answers only to `Host` values naming the address it listens on, and accepts
/// WebSockets only from pages of that origin, so a web page elsewhere cannot read the preview.
///
/// The site is built into a temporary folder, never into the site's `output/`, with a build cache of
/// its own there, so a rebuild after an edit parses and renders only what the edit touched. The
/// reload script (an external script, as pages allow no inline script) is added only to pages as
/// they are served; the built files stay exactly what `dossier build` writes. When a build fails,
/// every page shows the diagnostics instead of stale content, and the server keeps running.
public final class PreviewServer: Sendable {
    /// The path of the live-reload WebSocket.
    public static let socketPath = "/__dossier/live"
    /// The path of the live-reload script that served pages load.
    public static let scriptPath = "/__dossier/live-reload.js"
    /// How large a request head may be.
    public static let limits = PreviewRequest.Limits.standard
    /// How long a client may take to send its request head, in seconds.
    static let headSeconds: Double = 30
    /// How long one read or write may block, in seconds.
    static let ioSeconds = 10

    private let builder: SiteBuilder
    private let listener: PreviewListener
    private let responder: PreviewResponder
    private let watcher: SiteWatcher
    private let hub = LiveReload()
    private let state = PreviewState()

    /// A server for the site `siteRoot` on `host:port`: an IPv4 address or `localhost`; port 0 picks
    /// a free one. Throws when it cannot listen there (the port is taken, the address is not this
    /// machine's). With `pollsOnly` it notices edits by comparing the files once a second instead of
    /// through inotify (for a site on a network or container mount). `audience` is the one the
    /// preview is built for (nil: the settings' `default_audience`). `progress` shows the progress of
    /// each build on a terminal.
    public init(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName, audience: String? = nil,
                host: String = "127.0.0.1", port: UInt16 = 8000, pollsOnly: Bool = false, progress: BuildProgress? = nil) throws {
        let folder = try Workspace.make(kind: "serve")
        var builder = SiteBuilder(siteRoot: siteRoot, output: folder.appendingPathComponent("site"), asOf: asOf, configFile: configFile)
        builder.audience = audience
        builder.usesCache = true
        builder.progress = progress
        builder.cacheFolder = folder.appendingPathComponent("cache")
        self.builder = builder
        listener = try PreviewListener(address: host == "localhost" ? "127.0.0.1" : host, port: port)
        responder = PreviewResponder(root: builder.output, host: host, port: listener.port)
        watcher = SiteWatcher(siteRoot: siteRoot, configFile: configFile, pollsOnly: pollsOnly)
    }

    /// The port the server listens on.
    public var port: UInt16 { listener.port }

    /// How the server notices edits once started: `inotify` or `polling`.
    public var watchMethod: String { watcher.method }

    /// Builds once, starts answering and watching the sources, and returns the port it listens on.
    public func start() async throws -> UInt16 {
        rebuild()
        listener.run { [self] socket in handle(socket) }
        watcher.start { [self] in rebuild() }
        return listener.port
    }

    /// Stops listening and watching, closes the live-reload sockets and removes the temporary build.
    public func stop() async {
        listener.stop()
        watcher.stop()
        hub.closeAll()
        Workspace.remove(builder.output.deletingLastPathComponent())
    }

    private func rebuild() {
        let report = builder.build()
        state.record(report)
        hub.publish()
    }

    /// Reads one request head (bounded in size and time), answers it and closes the connection, or
    /// hands an upgraded connection to live reload.
    private func handle(_ socket: PreviewSocket) {
        socket.setTimeouts(seconds: Self.ioSeconds)
        let deadline = Date().addingTimeInterval(Self.headSeconds)
        var scanner = PreviewRequest.Scanner(limits: Self.limits)
        var buffer: [UInt8] = []
        var headLength = 0
        reading: while true {
            guard let chunk = socket.read(upTo: 16_384), Date() < deadline else {
                if !buffer.isEmpty { answer(.text(408, "the request head took too long\n"), on: socket) }
                return
            }
            guard !chunk.isEmpty else { return }
            buffer += chunk
            switch scanner.scan(buffer) {
            case .needsMore: continue
            case .complete(let length):
                headLength = length
                break reading
            case .rejected(let rejection):
                answer(.text(rejection.status, rejection.reason + "\n"), on: socket)
                return
            }
        }
        switch PreviewRequest.parse(Array(buffer[0..<headLength]), limits: Self.limits) {
        case .failure(let rejection):
            answer(.text(rejection.status, rejection.reason + "\n"), on: socket)
        case .success(let request):
            let response = responder.response(to: request, buildFailure: state.failure)
            if response.status == 101 {
                guard socket.write(response.head) else { return }
                hub.serve(socket)
            } else {
                answer(response, on: socket, includingBody: request.method != "HEAD")
            }
        }
    }

    private func answer(_ response: PreviewResponse, on socket: PreviewSocket, includingBody: Bool = true) {
        socket.write(response.bytes(includingBody: includingBody))
        socket.finish()
    }
}
