import ArgumentParser
import DossierKit
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on a local address, rebuild on every change and reload open pages.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var audience: AudienceOption
    @OptionGroup var progress: ProgressOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Flag(help: "Notice edits by comparing the files once a second instead of through inotify (for a site on a network or container mount).")
    var poll = false

    func validate() throws {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        let isIPv4 = parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
        guard host == "localhost" || isIPv4 else {
            throw ValidationError(TerminalText.escaped("--host '\(host)' must be an IPv4 address such as 127.0.0.1, or localhost"))
        }
    }

    func run() async throws {
        let day = try asOf.day()
        guard DossierFileLoader.isSite(site.siteRoot) else {
            printError("error: \(site.site): \(Problem.notASite.message)\n")
            throw ExitCode.failure
        }
        let server: PreviewServer
        let listening: UInt16
        do {
            server = try PreviewServer(siteRoot: site.siteRoot, asOf: day, configFile: site.config, audience: audience.audience, host: host, port: port, pollsOnly: poll,
                                   progress: progress.reporter())
            listening = try await server.start()
        } catch {
            printError("error: cannot listen on \(host):\(port) (is the port in use? try --port 0 for a free one)\n")
            throw ExitCode.failure
        }
        // Written straight to the file handle: `print` is buffered when the output is not a terminal.
        FileHandle.standardOutput.write(Data(TerminalText.escaped("serving \(site.siteRoot.path) at http://\(host):\(listening)/ (Ctrl-C stops)\n", keepsNewlines: true).utf8))
        await waitForInterrupt()
        await server.stop()
        say("stopped")
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
