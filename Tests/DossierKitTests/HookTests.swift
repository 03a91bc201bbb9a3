import Foundation
import Testing
@testable import DossierKit

/// The pre-commit hook written by `dossier init --hook`, run by a real `git commit` with the built `dossier`.
@Suite struct HookTests {
    /// The folder holding the `dossier` executable built with the tests.
    static var binaryFolder: URL? {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          TestSupport.repositoryRoot.appendingPathComponent(".build/debug")]
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("dossier").path) {
            return folder
        }
        return nil
    }

    /// Runs git in `site` with the built `dossier` first on the PATH; returns its exit status and output.
    private func git(_ arguments: [String], in site: URL, binaries: URL) throws -> (Int32, String) {
        let environment = [
            "PATH": binaries.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GIT_AUTHOR_NAME": "Mei Chen", "GIT_COMMITTER_NAME": "Mei Chen",
            "GIT_AUTHOR_EMAIL": "mei@example.com", "GIT_COMMITTER_EMAIL": "mei@example.com",
        ]
        return try TestSupport.run("git", arguments, in: site, environment: environment, includesErrors: true)
    }

    @Test func theHookStopsACommitOfABrokenDossierAndLetsAFixedOneThrough() throws {
        let binaries = try #require(Self.binaryFolder, "the dossier executable was not built")
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        let written = try Scaffold.initSite(at: site, today: TestSupport.asOf, withHook: true)
        #expect(written.contains(Scaffold.hookPath))
        #expect(FileManager.default.isExecutableFile(atPath: site.appendingPathComponent(Scaffold.hookPath).path))
        _ = try git(["init", "-q"], in: site, binaries: binaries)
        _ = try git(["config", "core.hooksPath", ".githooks"], in: site, binaries: binaries)
        _ = try git(["add", "."], in: site, binaries: binaries)
        #expect(try git(["commit", "-q", "-m", "New research site"], in: site, binaries: binaries).0 == 0)

        let broken = "---\nname: Acme\nowner: Mei Chen\nstage: later\n---\n"
        try TestSupport.write(["content/accounts/acme.md": broken], under: site)
        _ = try git(["add", "content/accounts/acme.md"], in: site, binaries: binaries)
        let (refused, output) = try git(["commit", "-q", "-m", "Research: Acme"], in: site, binaries: binaries)
        #expect(refused != 0)
        #expect(output.contains("content/accounts/acme.md:4:8: error: unknown stage 'later'"))

        // Fixed in the working tree but not staged: the staged version is still broken.
        try TestSupport.write(["content/accounts/acme.md": broken.replacingOccurrences(of: "later", with: "early")], under: site)
        #expect(try git(["commit", "-q", "-m", "Research: Acme"], in: site, binaries: binaries).0 != 0)

        _ = try git(["add", "content/accounts/acme.md"], in: site, binaries: binaries)
        #expect(try git(["commit", "-q", "-m", "Research: Acme"], in: site, binaries: binaries).0 == 0)
    }

    /// The hook checks the staged dossiers against the whole site as it will be committed: a new
    /// `acme.md` clashes with the committed `dach/acme.md` although only the new file is staged.
    @Test func theHookChecksStagedDossiersAgainstTheCommittedOnes() throws {
        let binaries = try #require(Self.binaryFolder, "the dossier executable was not built")
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf, withHook: true)
        let acme = "---\nname: Acme\nowner: Mei Chen\nstage: early\n---\n"
        try TestSupport.write(["content/accounts/dach/acme.md": acme], under: site)
        _ = try git(["init", "-q"], in: site, binaries: binaries)
        _ = try git(["config", "core.hooksPath", ".githooks"], in: site, binaries: binaries)
        _ = try git(["add", "."], in: site, binaries: binaries)
        #expect(try git(["commit", "-q", "-m", "Research: Acme DACH"], in: site, binaries: binaries).0 == 0)

        try TestSupport.write(["content/accounts/acme.md": acme.replacingOccurrences(of: "Acme", with: "Acme Global")], under: site)
        _ = try git(["add", "content/accounts/acme.md"], in: site, binaries: binaries)
        let (refused, output) = try git(["commit", "-q", "-m", "Research: Acme Global"], in: site, binaries: binaries)
        #expect(refused != 0)
        #expect(output.contains("slug 'acme' is also used by content/accounts"), "\(output)")

        // Renamed in the index: the commit goes through, and a broken file that is not staged
        // (untracked, or an edit not added) does not stop it.
        _ = try git(["mv", "content/accounts/acme.md", "content/accounts/acme-global.md"], in: site, binaries: binaries)
        try TestSupport.write(["content/accounts/draft.md": "---\nname: Draft\n---\n",
                               "content/accounts/dach/acme.md": acme.replacingOccurrences(of: "early", with: "later")], under: site)
        let (status, message) = try git(["commit", "-q", "-m", "Research: Acme Global"], in: site, binaries: binaries)
        #expect(status == 0, "\(message)")
    }
}
