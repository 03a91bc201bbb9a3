import Foundation
import Testing
@testable import DossierKit

/// The temporary folders of `serve` and of printing may hold private research: only their owner may
/// read them, and what a killed run left behind is removed by the next run of the same kind.
struct WorkspaceTests {
    @Test func aWorkspaceIsReadableByItsOwnerOnly() throws {
        let parent = try TestSupport.makeTemporaryFolder()
        let folder = try Workspace.make(kind: "serve", in: parent)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o700)
        #expect(folder.lastPathComponent.hasPrefix("dossier-serve-\(getpid())-"))
    }

    @Test func whatAKilledRunLeftIsRemovedAndNothingElse() throws {
        let parent = try TestSupport.makeTemporaryFolder()
        // A process that has ended: its id is free (until reused, which a test run this short does not see).
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let gone = ended.processIdentifier
        let abandoned = parent.appendingPathComponent("dossier-serve-\(gone)-A")
        let running = parent.appendingPathComponent("dossier-serve-\(getpid())-B")
        let otherKind = parent.appendingPathComponent("dossier-print-\(gone)-C")
        let noProcess = parent.appendingPathComponent("dossier-serve-D")
        for folder in [abandoned, running, otherKind, noProcess] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("site/accounts"), withIntermediateDirectories: true)
            try Data("walk-away price".utf8).write(to: folder.appendingPathComponent("site/accounts/notes.html"))
        }
        let outside = parent.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let linked = parent.appendingPathComponent("dossier-serve-\(gone)-E")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: outside)

        let made = try Workspace.make(kind: "serve", in: parent)

        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        #expect(!exists(abandoned))
        #expect(exists(running) && exists(otherKind) && exists(noProcess) && exists(made))
        #expect(exists(outside), "a link is never followed")
    }
}
