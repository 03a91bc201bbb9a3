import Foundation
import Testing
@testable import DossierKit
#if canImport(Glibc)
import Glibc
#endif

/// Builds run as real `dossier` processes on a generated site large enough to take a while, and
/// stopped part-way by a real signal (no test hook): the output is always the previous site or the
/// new one, never a mix, and nothing is left beside it. Also: two builds of one site at once, and
/// the summary line of a build that fails while writing.
@Suite(.serialized) struct InterruptedBuildTests {
    static let asOf = "2026-11-26"

    /// A site of `count` dossiers from `scripts/bench-generate.py` (about 2.3 pages each).
    private func generatedSite(_ count: Int) throws -> URL {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("site")
        let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/bench-generate.py").path
        let generated = try TestSupport.run("python3", [script, "\(count)", "42", site.path], includesErrors: true)
        try #require(generated.status == 0, "bench-generate.py failed: \(generated.output)")
        return site
    }

    /// A `dossier` process started with the built executable; its standard output and error go to a file.
    private final class DossierProcess {
        let process = Process()
        let log: URL

        init(_ arguments: [String]) throws {
            let binaries = try #require(HookTests.binaryFolder, "the dossier executable was not built")
            log = try TestSupport.makeTemporaryFolder().appendingPathComponent("log.txt")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.executableURL = binaries.appendingPathComponent("dossier")
            process.arguments = arguments
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }

        /// Waits for the process to end; returns how it ended and what it printed.
        func wait() -> (status: Int32, isExit: Bool, output: String) {
            process.waitUntilExit()
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return (process.terminationStatus, process.terminationReason == .exit, output)
        }
    }

    private func build(_ site: URL, _ extra: [String] = []) -> [String] {
        ["build", "--site", site.path, "--no-history", "--as-of", Self.asOf] + extra
    }

    /// Runs a build to its end.
    private func runBuild(_ site: URL, _ extra: [String] = []) throws -> (status: Int32, isExit: Bool, output: String) {
        try DossierProcess(build(site, extra)).wait()
    }

    /// The entries beside the output that builds leave: staging folders, previous sites, lock files.
    private func leftovers(_ site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".output.dossier-") }.sorted()
    }

    /// How many files a running build has written so far: files in its staging folders, and files in
    /// the output that are not the ones `before` lists (by inode), for a build that writes in place.
    private func filesWritten(_ site: URL, since before: [String: UInt64]) -> Int {
        var count = 0
        for entry in (try? leftovers(site)) ?? [] where entry.contains("dossier-tmp-") {
            count += FileTree.regularFiles(under: site.appendingPathComponent(entry).path, skipsHidden: false).count
        }
        let output = site.appendingPathComponent("output").path
        for path in FileTree.regularFiles(under: output, skipsHidden: false) where before[path] != FileStamp(path: output + "/" + path)?.inode {
            count += 1
        }
        return count
    }

    private func inodes(_ folder: URL) -> [String: UInt64] {
        var inodes: [String: UInt64] = [:]
        for path in FileTree.regularFiles(under: folder.path, skipsHidden: false) {
            inodes[path] = FileStamp(path: folder.path + "/" + path)?.inode
        }
        return inodes
    }

    /// Waits until `condition` holds while `process` runs (polling every 5 ms); whether it held.
    private func wait(for process: DossierProcess, until condition: () -> Bool) -> Bool {
        while process.process.isRunning {
            if condition() { return true }
            usleep(5_000)
        }
        return false
    }

    /// Edits the site's title: every page changes.
    private func retitle(_ site: URL, _ title: String) throws {
        let settings = site.appendingPathComponent(SiteConfig.fileName)
        let text = try String(contentsOf: settings, encoding: .utf8)
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("title:") ? "title: \(title)" : String($0) }.joined(separator: "\n")
        try edited.write(to: settings, atomically: true, encoding: .utf8)
    }

    /// The site as a clean build makes it, elsewhere.
    private func cleanBuild(_ site: URL) throws -> [String: Data] {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        let result = try runBuild(site, ["--no-cache", "--output", output.path])
        #expect(result.status == 0, "\(result.output)")
        return try TestSupport.tree(at: output)
    }

    @Test func anIncrementalBuildKilledPartWayLeavesThePreviousSiteOrTheNewOneNeverAMix() throws {
        let site = try generatedSite(300)
        #expect(try runBuild(site).status == 0)
        let output = site.appendingPathComponent("output")
        let previous = try TestSupport.tree(at: output)
        try retitle(site, "Key accounts, edited")
        let before = inodes(output)
        let running = try DossierProcess(build(site))
        // Killed once a third of the pages are written.
        let isPartWay = wait(for: running) { filesWritten(site, since: before) >= previous.count / 3 }
        kill(running.pid, SIGKILL)
        _ = running.wait()
        #expect(isPartWay, "the build ended before a third of its pages were written")
        let new = try cleanBuild(site)
        let after = try TestSupport.tree(at: output)
        let fromPrevious = after.filter { previous[$0.key] == $0.value }.count
        let fromNew = after.filter { new[$0.key] == $0.value }.count
        #expect(after == previous || after == new,
                "a mixed site: \(after.count) files, \(fromPrevious) as before, \(fromNew) as in the new site")
        // The next build finishes the job and removes what the killed one left.
        let next = try runBuild(site)
        #expect(next.status == 0, "\(next.output)")
        #expect(try TestSupport.tree(at: output) == new)
        #expect(try leftovers(site).isEmpty)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGKILL])
    func anInterruptedBuildLeavesThePreviousSiteAndNothingBesideIt(_ signal: Int32) throws {
        let site = try generatedSite(300)
        #expect(try runBuild(site).status == 0)
        let output = site.appendingPathComponent("output")
        let previous = try TestSupport.tree(at: output)
        try retitle(site, "Key accounts, interrupted")
        let before = inodes(output)
        // A full build (no cache) writes everything into a staging folder.
        let running = try DossierProcess(build(site, ["--no-cache"]))
        let isPartWay = wait(for: running) { filesWritten(site, since: before) >= previous.count / 3 }
        kill(running.pid, signal)
        let ended = running.wait()
        #expect(isPartWay, "the build ended before a third of its pages were written")
        if signal == SIGKILL {
            #expect(!ended.isExit)
        } else {
            #expect(ended.isExit && ended.status == 128 + signal, "ended with \(ended.status) (\(ended.isExit ? "exit" : "signal"))")
            #expect(try leftovers(site).isEmpty, "left beside the output")
        }
        #expect(try TestSupport.tree(at: output) == previous)
        // What kill -9 left, the next build removes.
        #expect(try runBuild(site).status == 0)
        #expect(try leftovers(site).isEmpty, "left beside the output")
    }

    @Test func aSecondBuildOfTheSameOutputStopsAtOnceNamingTheFirst() throws {
        let site = try generatedSite(300)
        let first = try DossierProcess(build(site))
        // The first build is writing: its staging folder exists.
        let isWriting = wait(for: first) { filesWritten(site, since: [:]) > 0 }
        let second = try runBuild(site)
        let firstEnded = first.wait()
        #expect(isWriting, "the first build ended before the second started")
        #expect(second.status == 1)
        #expect(second.output.contains("output:1:1: error: another build of this site is running (pid \(first.pid)) and writing 'output'; wait for it to finish"),
                "\(second.output)")
        #expect(second.output.contains("1 error, 0 warnings"), "\(second.output)")
        #expect(firstEnded.status == 0, "\(firstEnded.output)")
        #expect(try TestSupport.tree(at: site.appendingPathComponent("output")) == (try cleanBuild(site)))
        #expect(try leftovers(site).isEmpty)
    }

    @Test func theSummaryCountsAnErrorOfTheWriteStage() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\n---\n", "out": "a file"], under: site)
        let result = try runBuild(site, ["--output", site.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.output.contains("out:1:1: error: refusing to write into 'out'"), "\(result.output)")
        #expect(result.output.contains("\n1 error, 0 warnings"), "\(result.output)")
    }
}
