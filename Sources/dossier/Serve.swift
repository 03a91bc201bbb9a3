import ArgumentParser
import DossierKit
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on a local address, rebuild on every change and reload open pages.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    func run() async throws {
        let server = try PreviewServer(siteRoot: site.siteRoot, asOf: try asOf.day(), configFile: site.config, host: host, port: port)
        let listening = try await server.start()
        // Written straight to the file handle: `print` is buffered when the output is not a terminal.
        FileHandle.standardOutput.write(Data("serving \(site.siteRoot.path) at http://\(host):\(listening)/ (Ctrl-C stops)\n".utf8))
        await waitForInterrupt()
        await server.stop()
        print("stopped")
    }

    /// Returns when the process gets SIGINT (Ctrl-C) or SIGTERM.
    private func waitForInterrupt() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
                source.setEventHandler {
                    if once.claim() { continuation.resume() }
                }
                source.resume()
                Signals.keep(source)
            }
        }
    }
}

/// Keeps the signal sources alive for the life of the process.
private enum Signals {
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
    static func keep(_ source: any DispatchSourceSignal) { sources.append(source) }
}

/// True the first time it is claimed only.
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isClaimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { isClaimed = true }
            return !isClaimed
        }
    }
}
