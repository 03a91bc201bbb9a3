import Foundation
import Testing
@testable import DossierKit

/// Rules of the code base and of the output that a reviewer would otherwise have to remember.
@Suite struct StructureTests {
    @Test func onlyTheMarkdownRendererImportsCmark() throws {
        let sources = TestSupport.repositoryRoot.appendingPathComponent("Sources/DossierKit")
        let files = try TestSupport.tree(at: sources).filter { $0.key.hasSuffix(".swift") }
        let importers = files.filter { String(decoding: $0.value, as: UTF8.self).contains("import CCmark") }.keys.sorted()
        #expect(importers == ["Markdown/MarkdownRenderer.swift"])
    }

    @Test func theExampleSiteLinksOnlyToItsOwnFiles() throws {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf).build()
        let pages = try TestSupport.tree(at: output).filter { $0.key.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        let attribute = try Regex(#"(?:href|src)="([^"]*)""#)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: attribute) {
                let target = String(match.output[1].substring ?? "")
                #expect(!target.hasPrefix("/") && !target.contains("://"), "\(path) links to \(target)")
                if !target.hasPrefix("#") {
                    // A link into another page (`page.html#part`) needs the page and an element with that id.
                    let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
                    let resolved = output.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
                    #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links to missing \(target)")
                    if parts.count == 2, let page = try? String(contentsOf: resolved, encoding: .utf8) {
                        #expect(page.contains(" id=\"\(parts[1])\""), "\(path) links to \(target), which has no such id")
                    }
                }
            }
        }
    }
}
