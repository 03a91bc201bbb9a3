import Foundation
import Synchronization
import Testing
@testable import DossierKit

/// The progress line of builds, checks and `serve` rebuilds: its text, when it is drawn, and that
/// nothing is written when standard error is not a terminal. Serialized: the line on the terminal
/// is one per process (`BuildProgress.endLine`).
@Suite(.serialized) struct BuildProgressTests {
    /// A clock the test moves by hand.
    final class FakeClock: Sendable {
        private let seconds = Mutex(0.0)
        var now: Double { seconds.withLock { $0 } }
        func set(_ value: Double) { seconds.withLock { $0 = value } }
    }

    /// A reporter writing into a new file; returns it and a function reading what it wrote.
    private func reporter(isTerminal: Bool = true, clock: FakeClock? = nil, startsAfter: Double = 1,
                          columns: Int = 200) throws -> (BuildProgress, () throws -> String) {
        let file = try TestSupport.makeTemporaryFolder().appendingPathComponent("stderr")
        try Data().write(to: file)
        let handle = try FileHandle(forWritingTo: file)
        let progress = if let clock {
            BuildProgress(writingTo: handle, isTerminal: isTerminal, startsAfter: startsAfter, redrawsWhileIdle: false,
                          columns: { columns }, clock: { clock.now })
        } else {
            BuildProgress(writingTo: handle, isTerminal: isTerminal, startsAfter: startsAfter, redrawsWhileIdle: false, columns: { columns })
        }
        return (progress, { try String(contentsOf: file, encoding: .utf8) })
    }

    // MARK: The line

    @Test func theLineShowsTheStageDoneOfTotalRateAndTimeLeft() {
        let line = ProgressLine(stage: .parsing, done: 4210, total: 10000, stageSeconds: 2, elapsedSeconds: 12.3)
        #expect(line.rate == 2105)
        #expect(line.secondsLeft == 3, "5790 dossiers at 2105 a second: 2.75 s, rounded up")
        #expect(line.text(columns: 200) == "[0:12] parsing 4210/10000 dossiers (42%), 2105/s, 0:03 left")
        let writing = ProgressLine(stage: .writing, done: 18000, total: 20105, stageSeconds: 30, elapsedSeconds: 75)
        #expect(writing.text(columns: 200) == "[1:15] writing 18000/20105 pages (89%), 600/s, 0:04 left")
    }

    @Test func slowRatesShowATenthAndLongTimesHoursAndMinutes() {
        let line = ProgressLine(stage: .deriving, done: 7, total: 700, stageSeconds: 2, elapsedSeconds: 3725)
        #expect(line.text(columns: 200) == "[1:02:05] deriving figures of 7/700 dossiers (1%), 3.5/s, 3:18 left")
        #expect(ProgressLine.clock(0) == "0:00" && ProgressLine.clock(59) == "0:59" && ProgressLine.clock(600) == "10:00")
        #expect(ProgressLine.clock(36_000) == "10:00:00")
        #expect(ProgressLine.seconds(0.04) == "0.0 s" && ProgressLine.seconds(4.06) == "4.1 s" && ProgressLine.seconds(85.25) == "85.3 s")
    }

    @Test func theRateAndTimeLeftWaitUntilTheyMeanSomething() {
        let starting = ProgressLine(stage: .parsing, done: 10, total: 10000, stageSeconds: 0.9, elapsedSeconds: 1.2)
        #expect(starting.rate == nil && starting.secondsLeft == nil)
        #expect(starting.text(columns: 200) == "[0:01] parsing 10/10000 dossiers (0%)")
        let fewDone = ProgressLine(stage: .writing, done: 2, total: 20114, stageSeconds: 1.8, elapsedSeconds: 44)
        #expect(fewDone.text(columns: 200) == "[0:44] writing 2/20114 pages (0%), 1.1/s", "no time left from less than a hundredth")
        #expect(ProgressLine(stage: .writing, done: 202, total: 20114, stageSeconds: 2, elapsedSeconds: 44).secondsLeft == 198, "19912 pages at 101 a second")
        let nothingYet = ProgressLine(stage: .writing, done: 0, total: 500, stageSeconds: 3, elapsedSeconds: 9)
        #expect(nothingYet.text(columns: 200) == "[0:09] writing 0/500 pages (0%)")
        let finished = ProgressLine(stage: .writing, done: 500, total: 500, stageSeconds: 2, elapsedSeconds: 9)
        #expect(finished.text(columns: 200) == "[0:09] writing 500/500 pages (100%), 250/s", "no time left once done")
    }

    @Test func aStageWithoutATotalShowsWhatItHasDone() {
        #expect(ProgressLine(stage: .history, elapsedSeconds: 65).text(columns: 200) == "[1:05] reading git history")
        #expect(ProgressLine(stage: .reading, done: 30, stageSeconds: 1.5, elapsedSeconds: 2).text(columns: 200) == "[0:02] reading 30 files, 20/s")
        #expect(ProgressLine(stage: .publishing, done: 0, total: 0, elapsedSeconds: 2).text(columns: 200) == "[0:02] publishing")
    }

    @Test func theLineIsCutToTheTerminalsWidth() {
        let line = ProgressLine(stage: .parsing, done: 4210, total: 10000, stageSeconds: 2, elapsedSeconds: 12.3)
        let full = line.text(columns: 200)
        #expect(line.text(columns: 20) == String(full.prefix(19)), "one column is left free, so the terminal does not wrap")
        #expect(line.text(columns: 20).count == 19)
        #expect(line.text(columns: full.count + 1) == full)
        #expect(line.text(columns: 1).isEmpty && line.text(columns: 0).isEmpty)
    }

    @Test func theSummaryListsEachStageWithItsTime() {
        let stages = [
            ProgressLine(stage: .reading, done: 10000, total: 10000, stageSeconds: 0.42),
            ProgressLine(stage: .parsing, done: 10000, total: 10000, stageSeconds: 4.06),
            ProgressLine(stage: .history, stageSeconds: 1),
            ProgressLine(stage: .writing, done: 20105, total: 20105, stageSeconds: 6.5),
        ]
        #expect(ProgressLine.summary(of: stages, seconds: 12.04)
            == "done in 12.0 s: reading 10000 files 0.4 s, parsing 10000 dossiers 4.1 s, reading git history 1.0 s, writing 20105 pages 6.5 s")
        #expect(ProgressLine.summary(of: [], seconds: 1.5) == "done in 1.5 s")
    }

    // MARK: The reporter, with a fake clock

    @Test func nothingIsDrawnForARunShorterThanASecond() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(clock: clock)
        progress.start()
        progress.begin(.parsing, total: 100)
        clock.set(0.5)
        progress.advance(by: 60)
        clock.set(0.99)
        progress.begin(.writing, total: 10)
        progress.advance()
        progress.finish()
        #expect(try written() == "")
    }

    @Test func theLineIsDrawnAfterASecondInPlaceAndAtMostTenTimesASecond() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(clock: clock)
        progress.start()
        progress.begin(.parsing, total: 1000)
        clock.set(1.0)
        progress.advance()
        #expect(try written() == "\r[0:01] parsing 1/1000 dossiers (0%), 1.0/s\u{1B}[K")
        clock.set(1.05)
        for _ in 0..<50 { progress.advance() }
        #expect(try written().components(separatedBy: "\r").count == 2, "no redraw within a tenth of a second")
        clock.set(1.1)
        progress.advance()
        #expect(try written().hasSuffix("\r[0:01] parsing 52/1000 dossiers (5%), 47/s, 0:21 left\u{1B}[K"))
        clock.set(1.12)
        progress.begin(.writing, total: 10)
        #expect(try written().hasSuffix("\r[0:01] writing 0/10 pages (0%)\u{1B}[K"), "a new stage is drawn at once")
        clock.set(2.0)
        progress.advance(by: 10)
        progress.finish()
        let text = try written()
        #expect(text.components(separatedBy: "\r").count == 6)
        #expect(text.hasSuffix("\r[0:02] writing 10/10 pages (100%)\u{1B}[K"
            + "\rdone in 2.0 s: parsing 52 dossiers 1.1 s, writing 10 pages 0.9 s\u{1B}[K\n"))
        #expect(text.filter { $0 == "\n" }.count == 1, "one line, redrawn, then the summary")
    }

    @Test func aRedrawOfTheSameTextWritesNothing() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(clock: clock)
        progress.start()
        progress.begin(.publishing)
        clock.set(1)
        progress.advance(by: 0)
        clock.set(1.5)
        progress.advance(by: 0)
        #expect(try written() == "\r[0:01] publishing\u{1B}[K")
        clock.set(2)
        progress.advance(by: 0)
        #expect(try written() == "\r[0:01] publishing\u{1B}[K\r[0:02] publishing\u{1B}[K")
    }

    @Test func eachRedrawAsksTheTerminalsWidth() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(clock: clock, columns: 16)
        progress.start()
        clock.set(3)
        progress.begin(.parsing, total: 1000)
        #expect(try written() == "\r[0:03] parsing \u{1B}[K", "15 characters of 16 columns")
    }

    @Test func anInterruptionEndsTheLineWithANewline() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(clock: clock)
        progress.start()
        progress.begin(.parsing, total: 10)
        BuildProgress.endLine()
        #expect(try written() == "", "nothing drawn, nothing to end")
        clock.set(1.5)
        progress.advance()
        BuildProgress.endLine()
        #expect(try written() == "\r[0:01] parsing 1/10 dossiers (10%), 0.7/s, 0:14 left\u{1B}[K\n")
        progress.advance()
        progress.finish()
        #expect(try written().hasSuffix("left\u{1B}[K\n"), "nothing more after the interruption")
    }

    @Test func aReporterThatIsNotOnATerminalWritesNothing() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(isTerminal: false, clock: clock, startsAfter: 0)
        progress.start()
        progress.begin(.parsing, total: 10)
        clock.set(5)
        progress.advance(by: 5)
        progress.finish()
        #expect(try written() == "")
    }

    @Test func everyThreadsItemsAreCounted() throws {
        let clock = FakeClock()
        let (progress, written) = try reporter(clock: clock)
        let items = Array(0..<5000)
        let doubled = BuildProgress.reporting(to: progress) {
            clock.set(2)
            return items.parallelMap(threads: 4, counting: BuildProgress.begin(.parsing, total: items.count)) { $0 * 2 }
        }
        #expect(doubled == items.map { $0 * 2 })
        #expect(try written().hasSuffix("\rdone in 2.0 s: parsing 5000 dossiers 0.0 s\u{1B}[K\n"))
        #expect(BuildProgress.begin(.writing) == nil, "no reporter outside a run")
    }

    // MARK: Real runs

    @Test func aBuildWithAReporterNotOnATerminalWritesNothingToIt() throws {
        let (progress, written) = try reporter(isTerminal: false, startsAfter: 0)
        var builder = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: try TestSupport.makeTemporaryFolder().appendingPathComponent("out"),
                                  asOf: TestSupport.asOf)
        builder.readsHistory = false
        builder.progress = progress
        let report = builder.build()
        #expect(!report.hasErrors && report.writtenFiles > 0)
        #expect(try written() == "")
    }

    @Test func aBuildOnATerminalShowsItsStagesAndEndsWithTheSummary() throws {
        let (progress, written) = try reporter(startsAfter: 0)
        let site = try TestSupport.makeTemporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        var builder = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf)
        builder.readsHistory = false
        builder.usesCache = true
        builder.progress = progress
        let report = builder.build()
        #expect(!report.hasErrors)
        let text = try written()
        #expect(text.hasPrefix("\r[0:00] "))
        for stage in ["reading the cache", "reading", "parsing", "deriving figures of", "planning pages", "writing", "publishing", "saving the cache"] {
            #expect(text.contains("] \(stage)"), "the line shows \(stage)")
        }
        let summary = try #require(text.components(separatedBy: "\r").last)
        #expect(summary.hasPrefix("done in "))
        #expect(summary.contains(": reading the cache 0.") && summary.contains(", reading 12 files ") && summary.contains(", parsing 12 dossiers ")
            && summary.contains(", deriving figures of 12 dossiers ") && summary.contains(", writing \(report.writtenFiles) pages "))
        #expect(text.hasSuffix("\u{1B}[K\n") && text.filter { $0 == "\n" }.count == 1)

        // The next run of the same reporter starts afresh: nothing changed, so it stops after the cache.
        let (again, writtenAgain) = try reporter(startsAfter: 0)
        builder.progress = again
        #expect(builder.build().isUpToDate)
        #expect(try writtenAgain().components(separatedBy: "\r").last?.hasPrefix("done in ") == true)
        #expect(try !writtenAgain().contains("parsing"))
    }

    @Test func aCheckOnATerminalShowsReadingAndParsing() throws {
        let (progress, written) = try reporter(startsAfter: 0)
        var checker = SiteChecker(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf)
        checker.progress = progress
        let (output, isPassing) = checker.check(format: .text)
        #expect(isPassing && !output.contains("\u{1B}"), "the report itself is unchanged")
        let text = try written()
        #expect(text.contains("\r[0:00] parsing 0/12 dossiers (0%)\u{1B}[K"))
        #expect(text.components(separatedBy: "\r").last?.contains("reading 12 files") == true)
        #expect(text.components(separatedBy: "\r").last?.contains("parsing 12 dossiers") == true && text.hasSuffix("\n"))
    }

    @Test func serveShowsTheProgressOfEachBuild() async throws {
        let (progress, written) = try reporter(startsAfter: 0)
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\n---\n\nHello.\n"], under: site)
        let server = try PreviewServer(siteRoot: site, asOf: TestSupport.asOf, port: 0, progress: progress)
        _ = try await server.start()
        await server.stop()
        let text = try written()
        #expect(text.contains("parsing 1 dossier ") && text.hasSuffix("\n"))
    }
}
