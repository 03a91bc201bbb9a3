import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits to a site's sources (`content/`, `templates/`, the settings file) and calls back,
/// on a thread of its own, once the edits have settled.
///
/// On Linux it uses inotify (`InotifyWatcher`): an idle server sleeps in `poll`. Elsewhere, or when
/// the system refuses the watches (its limit of watches is reached), it falls back to comparing a
/// fingerprint of the files' paths, sizes and times once a second, read with `readdir` and `stat`.
final class SiteWatcher: @unchecked Sendable {
    let siteRoot: URL
    let configFile: String
    /// Compare fingerprints even where inotify works (for folders on a network or container mount,
    /// whose remote edits inotify does not see).
    let pollsOnly: Bool
    /// How long the sources must stay quiet after an event before the callback (an editor's save
    /// is several events).
    static let quietMilliseconds: Int32 = 100
    /// How often the fallback compares fingerprints.
    static let pollingMilliseconds: Int32 = 1000

    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var isRunning = false
    private var mode = "none"

    init(siteRoot: URL, configFile: String, pollsOnly: Bool = false) {
        self.siteRoot = siteRoot
        self.configFile = configFile
        self.pollsOnly = pollsOnly
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) != 0 { ends = [-1, -1] }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        for end in ends where end >= 0 { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// `inotify` or `polling` once started (for the benchmark notes and tests).
    var method: String { lock.withLock { mode } }

    /// Starts watching; `onChange` runs on the watcher's thread, never twice at once. Edits made
    /// after this returns are noticed.
    func start(onChange: @escaping @Sendable () -> Void) {
        lock.withLock { isRunning = true }
        #if os(Linux)
        if !pollsOnly, let inotify = InotifyWatcher(siteRoot: siteRoot, configFile: configFile) {
            lock.withLock { mode = "inotify" }
            Thread.detachNewThread { [self] in
                defer { finished.signal() }
                guard watch(with: inotify, onChange: onChange) else { return }
                lock.withLock { mode = "polling" }
                poll(from: fingerprint(), onChange: onChange)
            }
            return
        }
        #endif
        lock.withLock { mode = "polling" }
        let first = fingerprint()
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            poll(from: first, onChange: onChange)
        }
    }

    /// Stops watching and waits until a callback under way has returned.
    func stop() {
        let wasRunning = lock.withLock {
            defer { isRunning = false }
            return isRunning
        }
        // Without a wake pipe (no file descriptor was left) the thread cannot be woken: leave it.
        guard wasRunning, wakeWrite >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        finished.wait()
    }

    /// Waits on `descriptor` (or the wake pipe) for up to `milliseconds` (-1: for ever):
    /// `.stop` when woken, `.ready` when `descriptor` is readable, `.timeout` otherwise.
    private func wait(for descriptor: Int32?, milliseconds: Int32) -> WaitResult {
        var watched = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        if let descriptor { watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = Glibc_poll(&watched, nfds_t(watched.count), milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready < 0 || watched[0].revents != 0 { return .stop }
            return ready == 0 ? .timeout : .ready
        }
    }

    private enum WaitResult { case stop, ready, timeout }

    #if os(Linux)
    /// Runs on inotify until stopped (returns false) or until the system refuses a watch
    /// (returns true: poll instead).
    private func watch(with inotify: InotifyWatcher, onChange: @Sendable () -> Void) -> Bool {
        while true {
            switch wait(for: inotify.descriptor, milliseconds: -1) {
            case .stop: return false
            case .timeout: continue
            case .ready: break
            }
            switch inotify.drain() {
            case .nothing: continue
            case .failed: return true
            case .changed: break
            }
            // Let the edit settle: wait until no event came for a while (two seconds at most).
            let start = Date()
            settle: while Date().timeIntervalSince(start) < 2 {
                switch wait(for: inotify.descriptor, milliseconds: Self.quietMilliseconds) {
                case .stop: return false
                case .timeout: break settle
                case .ready:
                    if case .failed = inotify.drain() { return true }
                }
            }
            onChange()
        }
    }
    #endif

    /// Compares fingerprints once a second until stopped.
    private func poll(from first: UInt64, onChange: @Sendable () -> Void) {
        var last = first
        while true {
            guard case .timeout = wait(for: nil, milliseconds: Self.pollingMilliseconds) else { return }
            let now = fingerprint()
            guard now != last else { continue }
            last = now
            onChange()
        }
    }

    /// A number that changes when any watched file is added, removed, resized or touched
    /// (FNV-1a over paths, sizes and modification times).
    func fingerprint() -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        func mix(file path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return mix([0]) }
            mix(path.utf8)
            #if canImport(Darwin)
            let (seconds, nanoseconds) = (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
            #else
            let (seconds, nanoseconds) = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
            #endif
            for value in [Int64(info.st_size), Int64(seconds), Int64(nanoseconds)] {
                withUnsafeBytes(of: value) { mix($0) }
            }
        }
        for folder in ["content", "templates"] {
            let root = siteRoot.appendingPathComponent(folder).path
            for path in FileTree.regularFiles(under: root, skipsHidden: true, followsLinks: true) {
                mix(file: root + "/" + path)
            }
        }
        mix(file: siteRoot.appendingPathComponent(configFile).path)
        return hash
    }
}

#if canImport(Glibc)
private let Glibc_poll = Glibc.poll
#else
private let Glibc_poll = Darwin.poll
#endif
