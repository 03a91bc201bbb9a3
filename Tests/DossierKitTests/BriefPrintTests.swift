import Foundation
import Testing
@testable import DossierKit

/// Prints every example brief with a real browser (headless Chromium) and measures the PDF with poppler.
/// `scripts/test` installs both; a missing one fails the test rather than skipping it.
@Suite(.serialized) struct BriefPrintTests {
    static let exampleOutput: URL? = {
        guard let output = try? TestSupport.makeTemporaryFolder().appendingPathComponent("out") else { return nil }
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf).build()
        return output
    }()

    static var exampleSlugs: [String] {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("content/accounts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test(arguments: exampleSlugs)
    func everyExampleBriefPrintsOnAtMostTwoA4Pages(_ slug: String) throws {
        let output = try #require(Self.exampleOutput)
        let brief = output.appendingPathComponent("accounts/\(slug)/brief.html")
        let pdf = output.appendingPathComponent("\(slug).pdf")
        try printToPDF(brief, pdf)
        let info = try run("pdfinfo", [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect(pages != nil)
        #expect((pages ?? 99) <= 2, "brief of \(slug) has \(pages ?? 0) pages")
        #expect(info.contains("(A4)"))
        let text = try run("pdftotext", [pdf.path, "-"])
        #expect(text.contains("NEXT MEETING") || text.contains("Next meeting"))
    }

    @Test func chineseTextSurvivesIntoThePDF() throws {
        let output = try #require(Self.exampleOutput)
        let pdf = output.appendingPathComponent("huaxin-chinese.pdf")
        try printToPDF(output.appendingPathComponent("accounts/huaxin-electronics/brief.html"), pdf)
        let text = try run("pdftotext", [pdf.path, "-"])
        #expect(text.contains("深圳华芯电子股份有限公司"))
    }

    private func printToPDF(_ page: URL, _ pdf: URL) throws {
        let profile = try TestSupport.makeTemporaryFolder()
        try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed; run scripts/install-deps --test")
        return String(decoding: data, as: UTF8.self)
    }
}
