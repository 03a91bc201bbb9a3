import Foundation
import Synchronization

/// Removes what a build is in the middle of writing when the process is interrupted, then ends it.
///
/// The writer registers its staging folder (and the lock file) while it works. Once `install()` has
/// run, SIGINT (Ctrl-C), SIGTERM and SIGHUP no longer end the process at once: a dispatch source
/// receives them on a queue of its own, where removing files is safe (a signal handler proper may
/// call almost nothing); there every registered path is removed and the process exits with
/// 128 + the signal's number (130, 143, 129), as a shell reports a process a signal ended. A
/// staging folder is first renamed, so pages the build's threads are still making can no longer
/// land in it. Publishing a site (the swap of the folders) holds the same lock as the handler, so an
/// interruption comes before the swap or after it, never in the middle.
///
/// `dossier build` installs it; `dossier serve`, which stops on its own signal sources and removes
/// its whole temporary folder, does not. kill -9 cannot be caught: the next build removes what such
/// a build left (see `OutputWriter`).
public final class InterruptCleanup: Sendable {
    /// The one registry of the process.
    public static let shared = InterruptCleanup()

    private let paths = Mutex<Set<String>>([])
    private let isInstalled = Mutex(false)
    private let queue = DispatchQueue(label: "dossier.interrupt-cleanup")
    private nonisolated(unsafe) var sources: [any DispatchSourceSignal] = []

    private init() {}

    /// Makes SIGINT, SIGTERM and SIGHUP remove every registered path and end the process.
    public static func install() {
        shared.installSources()
    }

    private func installSources() {
        let isNew = isInstalled.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard isNew else { return }
        var made: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.interrupted(by: number) }
            source.resume()
            made.append(source)
        }
        queue.sync { sources = made }
    }

    /// Removes every registered path, then exits with 128 + `number`.
    private func interrupted(by number: Int32) -> Never {
        paths.withLock { registered in
            for path in registered.sorted() {
                let moved = path + "-interrupted"
                let target = OutputTree.kind(at: path) == S_IFDIR && rename(path, moved) == 0 ? moved : path
                for _ in 0..<3 {
                    if (try? FolderRemoval.remove(target, threads: OutputWriter.fileSystemThreads)) != nil { break }
                    usleep(20_000)
                }
            }
            registered.removeAll()
            BuildProgress.endLine()
            exit(128 + number)
        }
    }

    /// Removes `path` if the process is interrupted, until `unregister` is called.
    func register(_ path: String) {
        _ = paths.withLock { $0.insert(path) }
    }

    func unregister(_ path: String) {
        _ = paths.withLock { $0.remove(path) }
    }

    /// Whether `path` is registered: a folder this process is using now.
    func isRegistered(_ path: String) -> Bool {
        paths.withLock { $0.contains(path) }
    }

    /// Runs `body` on the registered paths with the registry locked: an interruption waits for it.
    func withRegistry<Value>(_ body: (inout Set<String>) throws -> Value) rethrows -> Value {
        try paths.withLock { try body(&$0) }
    }
}
