import Foundation
import Testing
@testable import DossierKit
#if canImport(Glibc)
import Glibc
#endif

/// Real `dossier import` processes stopped by `kill -9` while they write: every dossier is then whole,
/// the old file or the new one, never half of one. Also the command's exit codes and dry run.
@Suite(.serialized) struct ImportInterruptTests {
    /// An accounts file of `count` accounts, each name ending in `suffix`.
    private func accounts(_ count: Int, suffix: String) -> String {
        CSVText.record(["Account ID", "Account Name", "Account Owner", "Industry"])
            + (0..<count).map { CSVText.record(["ID\($0)", "Account \($0) \(suffix)", "Owner \($0 % 7)", String(repeating: "Long industry text ", count: 40)]) }.joined()
    }

    private func dossier(_ arguments: [String]) throws -> Process {
        let binaries = try #require(HookTests.binaryFolder, "the dossier executable was not built")
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("dossier")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The dossier files (not hidden ones) and their text.
    private func dossiers(_ site: URL) throws -> [String: String] {
        let folder = site.appendingPathComponent("content/accounts")
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            result[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    /// Starts the import and kills it with SIGKILL once `ready` says it is under way (or when it ends first).
    private func killPartWay(_ arguments: [String], ready: () -> Bool) throws -> Bool {
        let process = try dossier(arguments)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, !ready(), Date() < deadline { usleep(2_000) }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed
    }

    @Test func aKilledImportLeavesEveryDossierWhole() throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/accounts"), withIntermediateDirectories: true)
        let csv = root.appendingPathComponent("accounts.csv")
        let count = 800
        try Data(accounts(count, suffix: "Ltd").utf8).write(to: csv)
        let arguments = ["import", csv.path, "--site", site.path, "--as-of", "2026-11-26"]
        // While creating: every file there is a whole new dossier.
        let folder = site.appendingPathComponent("content/accounts").path
        let killedNew = try killPartWay(arguments) { ((try? FileManager.default.contentsOfDirectory(atPath: folder).count) ?? 0) > 20 }
        let partial = try dossiers(site)
        for (name, text) in partial {
            #expect(text.hasPrefix("---\n") && text.hasSuffix("- What to say at the next meeting\n"), "\(name) is not whole")
        }
        // Finishing the import makes the rest; then every name changes, and that import is killed too.
        let finish = try dossier(arguments)
        finish.waitUntilExit()
        #expect(finish.terminationStatus == 0)
        let complete = try dossiers(site)
        #expect(complete.count == count)
        try Data(accounts(count, suffix: "Holding").utf8).write(to: csv)
        let first = site.appendingPathComponent("content/accounts/account-0-ltd.md")
        let killedUpdate = try killPartWay(arguments) { ((try? String(contentsOf: first, encoding: .utf8)) ?? "").contains("Holding\"") }
        let updated = try dossiers(site)
        #expect(Set(updated.keys) == Set(complete.keys))
        var renamed = 0
        for (name, text) in updated {
            let old = try #require(complete[name])
            let new = old.replacingOccurrences(of: " Ltd\"\n", with: " Holding\"\n")
            #expect(text == old || text == new, "\(name) is neither the old nor the new file")
            if text == new { renamed += 1 }
        }
        // The signals landed part-way (on a machine fast enough to finish first, the files are still whole).
        if killedNew { #expect(partial.count < count) }
        if killedUpdate { #expect(renamed < count) }
        let (_, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, includesNotes: false).check(format: .text)
        #expect(isPassing)
    }

    @Test func theCommandExitsOneOnErrorsAndWritesNothingInADryRun() throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        let fixture = ImportTests.fixture
        let before = try TestSupport.tree(at: site)
        let dry = try dossier(["import", fixture.appendingPathComponent("accounts.csv").path, "--site", site.path, "--owner", "Team Lead", "--dry-run"])
        dry.waitUntilExit()
        #expect(dry.terminationStatus == 1)  // the fixture's bad rows
        #expect(try TestSupport.tree(at: site) == before)
        try Data(accounts(3, suffix: "GmbH").utf8).write(to: root.appendingPathComponent("good.csv"))
        let good = try dossier(["import", root.appendingPathComponent("good.csv").path, "--site", site.path])
        good.waitUntilExit()
        #expect(good.terminationStatus == 0)
        #expect(try dossiers(site).count == 4)
    }
}
