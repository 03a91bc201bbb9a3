import Foundation
import Testing
@testable import DossierKit

/// Prints every example brief with a real browser (headless Chromium) and measures the PDF with poppler.
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
        try Browser.printToPDF(brief, to: pdf)
        let info = try Browser.run("pdfinfo", [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect(pages != nil)
        #expect((pages ?? 99) <= 2, "brief of \(slug) has \(pages ?? 0) pages")
        #expect(info.contains("(A4)"))
        let text = try Browser.run("pdftotext", [pdf.path, "-"])
        #expect(text.contains("NEXT MEETING") || text.contains("Next meeting"))
    }

    static let chineseOutput: URL? = {
        guard let output = try? TestSupport.makeTemporaryFolder().appendingPathComponent("out") else { return nil }
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf, configFile: "dossier.zh.yml").build()
        return output
    }()

    @Test(arguments: exampleSlugs)
    func everyChineseBriefPrintsOnAtMostTwoA4Pages(_ slug: String) throws {
        let output = try #require(Self.chineseOutput)
        let pdf = output.appendingPathComponent("\(slug).pdf")
        try Browser.printToPDF(output.appendingPathComponent("accounts/\(slug)/brief.html"), to: pdf)
        let info = try Browser.run("pdfinfo", [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect((pages ?? 99) <= 2, "Chinese brief of \(slug) has \(pages ?? 0) pages")
        #expect(try Browser.run("pdftotext", [pdf.path, "-"]).contains("下次会议"))
    }

    @Test func chineseTextSurvivesIntoThePDF() throws {
        let output = try #require(Self.exampleOutput)
        let pdf = output.appendingPathComponent("huaxin-chinese.pdf")
        try Browser.printToPDF(output.appendingPathComponent("accounts/huaxin-electronics/brief.html"), to: pdf)
        let text = try Browser.run("pdftotext", [pdf.path, "-"])
        #expect(text.contains("深圳华芯电子股份有限公司"))
    }
}
