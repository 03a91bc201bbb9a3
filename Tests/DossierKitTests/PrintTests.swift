import Foundation
import Testing
@testable import DossierKit

/// `dossier brief --pdf` and `dossier briefs --week`, printed by headless Chromium and measured by poppler.
@Suite(.serialized) struct PrintTests {
    private var printer: BriefPrinter { BriefPrinter(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf) }

    /// The text of each PDF page.
    private func pages(of pdf: URL) throws -> [String] {
        try Browser.run("pdftotext", ["-layout", pdf.path, "-"]).components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test func oneBriefPrintsOnAtMostTwoA4Pages() throws {
        let pdf = try TestSupport.makeTemporaryFolder().appendingPathComponent("nordwind.pdf")
        #expect(try printer.print(.account("nordwind-logistik"), to: pdf).get() == ["nordwind-logistik"])
        let info = try Browser.run("pdfinfo", [pdf.path])
        #expect(info.contains("(A4)"))
        let count = try pages(of: pdf).count
        #expect((1...2).contains(count))
        #expect(try pages(of: pdf)[0].contains("Nordwind Logistik GmbH"))
    }

    @Test func theWeeksBriefsAreInDateOrderEachOnANewPage() throws {
        let pdf = try TestSupport.makeTemporaryFolder().appendingPathComponent("week.pdf")
        #expect(try printer.print(.week, to: pdf).get() == ["northgate-healthcare", "nordwind-logistik"])
        let starts = try pages(of: pdf).enumerated().filter { $0.element.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("PRE-MEETING BRIEF") }
        #expect(starts.count == 2)
        #expect(starts.first?.offset == 0)
        #expect(starts.first?.element.contains("Northgate Healthcare Group plc") == true)
        #expect(starts.last?.element.contains("Nordwind Logistik GmbH") == true)
    }

    @Test func neverOverwritesAFileThatIsNotAPDF() throws {
        let target = try TestSupport.makeTemporaryFolder().appendingPathComponent("notes.pdf")
        try Data("my notes".utf8).write(to: target)
        #expect(throws: PrintFailure.refusedDestination(target.path, .notPDF)) { try printer.print(.account("nordwind-logistik"), to: target).get() }
        #expect(try Data(contentsOf: target) == Data("my notes".utf8))
    }

    @Test func withoutChromiumItSaysHowToInstallIt() throws {
        var printer = self.printer
        printer.searchPath = "/nonexistent"
        let target = try TestSupport.makeTemporaryFolder().appendingPathComponent("x.pdf")
        #expect(throws: PrintFailure.browserMissing) { try printer.print(.account("nordwind-logistik"), to: target).get() }
        #expect(PrintFailure.browserMissing.description.contains("sudo apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anUnknownSlugIsAnError() throws {
        let target = try TestSupport.makeTemporaryFolder().appendingPathComponent("x.pdf")
        #expect(throws: PrintFailure.unknownSlug("nope")) { try printer.print(.account("nope"), to: target).get() }
    }

    /// Issue 9, finding 15 for briefs: the summary under the diagnostics counts errors of every stage,
    /// here the site check that runs before analysis (it said "0 errors" under an error line).
    @Test func theSummaryOfAFailedPrintCountsEveryError() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let target = folder.appendingPathComponent("x.pdf")
        let printer = BriefPrinter(siteRoot: folder.appendingPathComponent("typo"), asOf: TestSupport.asOf)
        guard case .failure(.siteHasErrors(let text)) = printer.print(.account("acme"), to: target) else {
            Issue.record("a folder that is not a site printed a brief")
            return
        }
        #expect(text.contains("error: not a dossier site"))
        #expect(text.contains("1 error, 0 warnings"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo").path))
    }
}

/// Issue 9, finding 1: `--pdf` replaces only a new path or a readable PDF, never a FIFO, device, folder, link or unreadable file.
@Suite(.serialized) struct PDFDestinationTests {
    private var printer: BriefPrinter { BriefPrinter(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf) }

    /// The file type of `path` without following a link (`ls -ld`'s first letter).
    private func type(_ path: URL) throws -> Character {
        try #require(try TestSupport.run("stat", ["-c", "%A", path.path]).output.first)
    }

    @Test func aFIFOIsRefusedAndStaysAFIFO() throws {
        let fifo = try TestSupport.makeTemporaryFolder().appendingPathComponent("f")
        #expect(try TestSupport.run("mkfifo", [fifo.path]).status == 0)
        let result = printer.print(.account("nordwind-logistik"), to: fifo)
        #expect(throws: (any Error).self) { try result.get() }
        #expect(try type(fifo) == "p")
        #expect("\(result)".contains("FIFO"))
    }

    @Test func aDeviceIsRefusedAndStaysADevice() throws {
        let device: URL
        if getuid() == 0 {
            // A device node of our own (the null device's numbers), so a failure cannot harm /dev/null.
            device = try TestSupport.makeTemporaryFolder().appendingPathComponent("null")
            #expect(try TestSupport.run("mknod", [device.path, "c", "1", "3"]).status == 0)
        } else {
            device = URL(fileURLWithPath: "/dev/null")
        }
        let result = printer.print(.account("nordwind-logistik"), to: device)
        #expect(throws: (any Error).self) { try result.get() }
        #expect(try type(device) == "c")
        #expect("\(result)".contains("device"))
    }

    @Test func aFolderIsRefused() throws {
        let folder = try TestSupport.makeTemporaryFolder().appendingPathComponent("briefs.pdf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = printer.print(.account("nordwind-logistik"), to: folder)
        #expect(throws: (any Error).self) { try result.get() }
        #expect(try type(folder) == "d")
        #expect("\(result)".contains("folder"))
    }

    @Test func aSymbolicLinkIsRefusedEvenToAPDF() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let real = folder.appendingPathComponent("real.pdf")
        try Data("%PDF-1.4 old".utf8).write(to: real)
        let link = folder.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let result = printer.print(.account("nordwind-logistik"), to: link)
        #expect(throws: (any Error).self) { try result.get() }
        #expect(try type(link) == "l")
        #expect(try Data(contentsOf: real) == Data("%PDF-1.4 old".utf8))
        #expect("\(result)".contains("symbolic link"))
    }

    @Test func anExistingPDFIsReplacedAtomicallyWithNothingLeftBeside() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let pdf = folder.appendingPathComponent("old.pdf")
        try Data("%PDF-1.4 old".utf8).write(to: pdf)
        #expect(try printer.print(.account("nordwind-logistik"), to: pdf).get() == ["nordwind-logistik"])
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.count > 1000 && bytes.starts(with: Data("%PDF".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["old.pdf"])
    }

    @Test func whatEachKindOfPathIs() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        #expect(PDFDestination(URL(fileURLWithPath: "/dev/null")).refusal() == .device)
        #expect(PDFDestination(folder).refusal() == .folder)
        #expect(PDFDestination(folder.appendingPathComponent("new/brief.pdf")).refusal() == nil)
        let empty = folder.appendingPathComponent("empty.pdf")
        try Data().write(to: empty)
        #expect(PDFDestination(empty).refusal() == .notPDF)
        let pdf = folder.appendingPathComponent("old.pdf")
        try Data("%PDF-1.7\n".utf8).write(to: pdf)
        #expect(PDFDestination(pdf).refusal() == nil)
        #expect(PDFDestination.Refusal.fifo.description == "is a FIFO (named pipe)")
    }

    /// The path is checked again right before the rename: a FIFO put there while Chromium printed survives.
    @Test func theDestinationIsCheckedAgainBeforeTheRename() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let target = folder.appendingPathComponent("brief.pdf")
        let destination = PDFDestination(target)
        #expect(destination.refusal() == nil)
        #expect(try TestSupport.run("mkfifo", [target.path]).status == 0)
        #expect(throws: PDFDestination.Refusal.fifo) { try destination.write(Data("%PDF-1.7".utf8)) }
        #expect(try type(target) == "p")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["brief.pdf"])
    }

    /// A file the user cannot read is never replaced; as root (who reads everything) the command runs as `nobody`.
    @Test func anUnreadableFileIsRefused() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let secret = folder.appendingPathComponent("secret.pdf")
        try Data("%PDF-1.4 theirs".utf8).write(to: secret)
        #expect(chmod(secret.path, 0o000) == 0)
        let (status, output): (Int32, String)
        if getuid() == 0 {
            #expect(chmod(folder.path, 0o777) == 0)
            let binary = TestSupport.repositoryRoot.appendingPathComponent(".build/debug/dossier")
            (status, output) = try TestSupport.run("setpriv", [
                "--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "brief", "nordwind-logistik",
                "--site", TestSupport.repositoryRoot.path, "--as-of", "2026-11-26", "--pdf", secret.path,
            ], includesErrors: true)
        } else {
            let result = printer.print(.account("nordwind-logistik"), to: secret)
            (status, output) = (result.isSuccess ? 0 : 1, "\(result)")
        }
        #expect(status != 0)
        #expect(output.contains("cannot be read"), "\(output)")
        #expect(chmod(secret.path, 0o600) == 0)
        #expect(try Data(contentsOf: secret) == Data("%PDF-1.4 theirs".utf8))
    }
}

private extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
