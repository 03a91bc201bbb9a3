import Foundation
import Testing
@testable import DossierKit

/// A build reads each of its inputs once (`SiteInputs`, `SiteReader`): the settings, every theme
/// file, the listing of the dossiers, each dossier it needs, and each git command; an incremental
/// build reads only the dossiers whose stamps changed.
@Suite struct SiteInputsTests {
    /// Every read of the site a build makes, in order.
    private final class Reads: @unchecked Sendable {
        private let lock = NSLock()
        private var accesses: [SiteReader.Access] = []

        func record(_ access: SiteReader.Access) {
            lock.lock()
            accesses.append(access)
            lock.unlock()
        }

        /// The reads so far, emptied.
        func take() -> [SiteReader.Access] {
            lock.lock()
            defer { accesses = []; lock.unlock() }
            return accesses
        }
    }

    private let dossiers = [
        "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: early\ntags: [R&D]\n---\n\nNotes.\n",
        "content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: mid\n---\n",
        "content/accounts/europe/delta.md": "---\nname: Delta\nowner: Jonas\nstage: pre\n---\n\n## Talking points\n\n- Price\n",
    ]

    /// A site in a git repository, with settings, a template of its own, a strings file and an extra partial.
    private func makeSite() throws -> URL {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(dossiers.merging([
            "dossier.yml": "title: Counted\n",
            "templates/stage.mustache": "{{> footer}}<p>{{title}}</p>\n",
            "templates/footer.mustache": "<footer>site</footer>\n",
            "templates/strings/en.yml": "private_label: Ours\n",
            ".gitignore": "output/\n.dossier-cache/\n",
        ]) { first, _ in first }, under: site)
        _ = try HistoryTests.git(["init", "-q"], in: site)
        _ = try HistoryTests.git(["add", "."], in: site)
        _ = try HistoryTests.git(["commit", "-q", "-m", "Research"], in: site)
        return site
    }

    private func builder(_ site: URL, _ reads: Reads) -> SiteBuilder {
        var builder = SiteBuilder(siteRoot: site, asOf: TestSupport.asOf)
        builder.usesCache = true
        builder.onRead = { reads.record($0) }
        return builder
    }

    /// Moves every file's time a minute back, so the cache trusts the stamps it records.
    private func age(_ site: URL) throws {
        for path in FileTree.regularFiles(under: site.path, skipsHidden: false) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: site.path + "/" + path)
        }
    }

    private func files(_ accesses: [SiteReader.Access]) -> [String] {
        accesses.compactMap { if case .file(let path) = $0 { path } else { nil } }
    }

    @Test func aBuildReadsEveryInputExactlyOnce() throws {
        let site = try makeSite()
        let reads = Reads()
        let report = builder(site, reads).build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let accesses = reads.take()
        let repeated = Dictionary(grouping: accesses) { $0 }.filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "read more than once: \(repeated)")
        let read = Set(files(accesses))
        for path in ["dossier.yml", "templates/stage.mustache", "templates/footer.mustache", "templates/strings/en.yml"] + dossiers.keys {
            #expect(read.contains(path), "\(path) was not read")
        }
        let gitCommands = accesses.compactMap { if case .git(let arguments) = $0 { arguments.prefix(2).joined(separator: " ") } else { nil } }
        #expect(gitCommands.sorted() == ["cat-file --batch", "log -z", "rev-parse --show-prefix", "rev-parse HEAD", "status --porcelain=v1"])
        #expect(accesses.contains(.listing(DossierFileLoader.accountsFolder)) && accesses.contains(.listing("templates")))
    }

    @Test func anEditReadsOnlyTheEditedDossierAndNothingTwice() throws {
        let site = try makeSite()
        let reads = Reads()
        #expect(!builder(site, reads).build().hasErrors)
        try age(site)
        // The stamps recorded by the first build were too new to trust: this one compares bytes, once each.
        _ = builder(site, reads).build()
        _ = reads.take()
        let upToDate = builder(site, reads).build()
        #expect(upToDate.isUpToDate)
        let atRest = reads.take()
        #expect(files(atRest).filter { $0.hasPrefix("content/") }.isEmpty, "an up-to-date build read a dossier")
        try TestSupport.write(["content/accounts/beta.md": "---\nname: Beta\nowner: Jonas\nstage: partnership\n---\n"], under: site)
        let edited = builder(site, reads).build()
        #expect(!edited.hasErrors && edited.analysis.parsedCount == 1)
        let accesses = reads.take()
        #expect(files(accesses).filter { $0.hasPrefix("content/") } == ["content/accounts/beta.md"])
        #expect(Set(accesses).count == accesses.count, "read more than once: \(accesses)")
    }

    @Test func aCheckReadsEveryInputOnceAndNoGit() throws {
        let site = try makeSite()
        let reads = Reads()
        let inputs = SiteInputs.read(with: SiteReader(siteRoot: site, onAccess: { reads.record($0) }))
        let analysis = SiteAnalysis.analyze(inputs, asOf: TestSupport.asOf, audience: nil, threads: 2)
        #expect(analysis.dossiers.count == 3)
        let accesses = reads.take()
        #expect(Set(accesses).count == accesses.count)
        #expect(!accesses.contains { if case .git = $0 { true } else { false } })
    }

    @Test func aCheckAfterABuildTakesUnchangedDossiersFromTheCacheAndSaysTheSame() throws {
        let site = try makeSite()
        try TestSupport.write(["content/accounts/gamma.md": "---\nname: Gamma\nowner: Mei\nstage: early\nsegmnts: []\n---\n"], under: site)
        let reads = Reads()
        #expect(!builder(site, reads).build().hasErrors)
        try age(site)
        _ = builder(site, reads).build()
        _ = reads.take()
        var checker = SiteChecker(siteRoot: site, asOf: TestSupport.asOf)
        let (clean, cleanPasses) = checker.check(format: .json)
        _ = reads.take()
        checker.usesCache = true
        checker.onRead = { reads.record($0) }
        let (cached, cachedPasses) = checker.check(format: .json)
        #expect(cached == clean && cachedPasses == cleanPasses)
        #expect(cached.contains("segmnts"), "the warning of the file the cache does not hold is reported")
        // Only the dossier with a warning is read again: the cache keeps no entry for it.
        #expect(files(reads.take()).filter { $0.hasPrefix("content/") } == ["content/accounts/gamma.md"])
    }

    @Test func aDossierNamedForAWindowsDeviceIsRefusedWithWhatToDo() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/con.md": "---\nname: Con\nowner: Mei\nstage: early\n---\n"], under: site)
        let analysis = SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf)
        #expect(analysis.diagnostics.map(\.formatted) == [
            "content/accounts/con.md:1:1: error: file name 'con' is a name Windows keeps for a device, so its pages could not be copied to a Windows share; rename the file (e.g. 'con-corp.md')",
        ])
    }
}
