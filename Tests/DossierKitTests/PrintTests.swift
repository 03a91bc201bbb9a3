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
        #expect(throws: PrintFailure.wouldOverwrite(target.path)) { try printer.print(.account("nordwind-logistik"), to: target).get() }
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
}
