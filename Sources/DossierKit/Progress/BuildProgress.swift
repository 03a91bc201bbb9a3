import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows on a terminal how far a build, a check or a `serve` rebuild is: one line, redrawn in place
/// (carriage return, then erase to the end of the line), with the stage, done/total, the rate and the
/// time the stage has left; and once the run is over, a summary line of each stage's time.
///
/// Nothing is drawn for a run shorter than `startsAfter` (a second), nor ever when `isTerminal` is
/// false: the command line passes true only when standard error is a terminal and `--quiet` is not
/// given, so logs of CI and of scripts stay clean. Redraws are at most one per `redrawInterval`
/// (a tenth of a second), whatever the number of threads reporting.
///
/// `SiteBuilder`, `SiteChecker` and `PreviewServer` take one as their `progress`. During their run it
/// is bound to the run (`reporting(to:_:)`), and each stage reports with one line where it loops
/// over dossiers or pages: `BuildProgress.begin(.parsing, total: files.count)`, which returns the
/// reporter for `advance()` (or `parallelMap(threads:counting:)`) from any thread. Stages take no
/// parameter for it and do nothing when no reporter is bound.
public final class BuildProgress: Sendable {
    /// The reporter of the run under way on this thread, bound by `reporting(to:_:)`.
    @TaskLocal static var current: BuildProgress? = nil

    /// Whether anything is drawn at all; false makes every call return at once.
    public let isTerminal: Bool
    private let handle: FileHandle
    private let startsAfter: Double
    private let redrawInterval: Double
    private let redrawsWhileIdle: Bool
    private let columns: @Sendable () -> Int
    private let clock: @Sendable () -> Double
    private let state = Mutex(State())

    private struct State {
        /// Counts runs, so the idle redraws of a finished run stop.
        var run = 0
        var isRunning = false
        var startedAt = 0.0
        var stageStartedAt = 0.0
        /// The stages of the run so far; the last one is under way.
        var stages: [ProgressLine] = []
        var lastDrawAt: Double?
        /// The text of the last redraw: the same text is not written again.
        var lastText = ""
        var hasDrawn = false
    }

    /// A reporter drawing on `handle` (standard error for the command line).
    ///
    /// - Parameters:
    ///   - isTerminal: whether to draw; when false nothing is ever written.
    ///   - startsAfter: seconds a run must last before its line is drawn.
    ///   - redrawInterval: the least time between two redraws.
    ///   - redrawsWhileIdle: redraw every `redrawInterval` from a thread of its own, so the time moves
    ///     on during a stage that reports nothing for a while (off for tests with a fake clock).
    ///   - columns: the terminal's width, asked at each redraw (default: the width of `handle`'s terminal).
    ///   - clock: seconds from any fixed moment (default: the system's monotonic clock).
    public init(writingTo handle: FileHandle, isTerminal: Bool, startsAfter: Double = 1, redrawInterval: Double = 0.1,
                redrawsWhileIdle: Bool = true, columns: (@Sendable () -> Int)? = nil,
                clock: @escaping @Sendable () -> Double = BuildProgress.uptime) {
        self.handle = handle
        self.isTerminal = isTerminal
        self.startsAfter = startsAfter
        self.redrawInterval = redrawInterval
        self.redrawsWhileIdle = redrawsWhileIdle
        let descriptor = handle.fileDescriptor
        self.columns = columns ?? { BuildProgress.terminalColumns(of: descriptor) }
        self.clock = clock
    }

    /// Seconds of the system's monotonic clock.
    @Sendable public static func uptime() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// The width of the terminal `fileDescriptor` writes to; else `COLUMNS`; else 80.
    public static func terminalColumns(of fileDescriptor: Int32) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }

    // MARK: The edge: one run

    /// Runs `operation` as one run of `progress`: its stages report to it, and the summary is written
    /// when it returns (when the line was drawn). Without a reporter it only runs `operation`.
    static func reporting<Result>(to progress: BuildProgress?, _ operation: () -> Result) -> Result {
        guard let progress, progress.isTerminal else { return operation() }
        progress.start()
        defer { progress.finish() }
        return $current.withValue(progress, operation: operation)
    }

    /// Begins `stage` of the run under way, with `total` items when it counts them; returns its
    /// reporter (nil when there is none) for `advance()`, which may be called from any thread.
    @discardableResult
    static func begin(_ stage: Stage, total: Int? = nil) -> BuildProgress? {
        guard let progress = current else { return nil }
        progress.begin(stage, total: total)
        return progress
    }

    // MARK: Reporting

    /// Starts a run: the clock for `startsAfter` and the summary starts now.
    public func start() {
        guard isTerminal else { return }
        let run = state.withLock { state in
            state = State(run: state.run + 1, isRunning: true, startedAt: clock())
            state.stageStartedAt = state.startedAt
            return state.run
        }
        guard redrawsWhileIdle else { return }
        let interval = redrawInterval
        Thread.detachNewThread { [self] in
            repeat {
                Thread.sleep(forTimeInterval: interval)
            } while redrawIdle(run: run)
        }
    }

    /// Ends the stage under way and begins `stage`, with `total` items when it counts them; draws it
    /// at once (when the run has lasted `startsAfter`).
    public func begin(_ stage: Stage, total: Int? = nil) {
        guard isTerminal else { return }
        state.withLock { state in
            guard state.isRunning else { return }
            let now = clock()
            endStage(&state, at: now)
            state.stages.append(ProgressLine(stage: stage, total: total))
            state.stageStartedAt = now
            draw(&state, at: now, isForced: true)
        }
    }

    /// Counts `count` more items of the stage under way done; redraws when the last redraw is
    /// `redrawInterval` old. Safe from any thread.
    public func advance(by count: Int = 1) {
        guard isTerminal else { return }
        state.withLock { state in
            guard state.isRunning, !state.stages.isEmpty else { return }
            state.stages[state.stages.count - 1].done += count
            draw(&state, at: clock(), isForced: false)
        }
    }

    /// Ends the run: when its line was drawn, replaces it with the summary and a newline.
    public func finish() {
        guard isTerminal else { return }
        state.withLock { state in
            guard state.isRunning else { return }
            let now = clock()
            endStage(&state, at: now)
            state.isRunning = false
            guard state.hasDrawn else { return }
            Self.onTerminal.withLock { $0 = nil }
            write("\r" + ProgressLine.summary(of: state.stages, seconds: now - state.startedAt) + Self.eraseToEndOfLine + "\n")
        }
    }

    /// Ends the line of the run on the terminal, if one is drawn, with a newline, so what comes next
    /// (the shell's prompt after Ctrl-C) starts on a line of its own. `InterruptCleanup` calls it.
    static func endLine() {
        guard let progress = onTerminal.withLock({ $0 }) else { return }
        progress.state.withLock { state in
            guard state.isRunning, state.hasDrawn else { return }
            state.isRunning = false
            progress.write("\n")
        }
    }

    /// The reporter whose line is on the terminal now, for `endLine()`.
    private static let onTerminal = Mutex<BuildProgress?>(nil)

    /// Redraws the run `run` if it is still under way; false once it is over.
    private func redrawIdle(run: Int) -> Bool {
        state.withLock { state in
            guard state.isRunning, state.run == run else { return false }
            draw(&state, at: clock(), isForced: false)
            return true
        }
    }

    private func endStage(_ state: inout State, at now: Double) {
        guard !state.stages.isEmpty else { return }
        state.stages[state.stages.count - 1].stageSeconds = now - state.stageStartedAt
    }

    /// `ESC [ K`: erases from the cursor to the end of the line.
    static let eraseToEndOfLine = "\u{1B}[K"

    private func draw(_ state: inout State, at now: Double, isForced: Bool) {
        guard var line = state.stages.last, now - state.startedAt >= startsAfter else { return }
        if !isForced, let last = state.lastDrawAt, now - last < redrawInterval { return }
        line.stageSeconds = now - state.stageStartedAt
        line.elapsedSeconds = now - state.startedAt
        let text = line.text(columns: columns())
        state.lastDrawAt = now
        guard text != state.lastText else { return }
        state.lastText = text
        write("\r" + text + Self.eraseToEndOfLine)
        if !state.hasDrawn { Self.onTerminal.withLock { $0 = self } }
        state.hasDrawn = true
    }

    private func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
