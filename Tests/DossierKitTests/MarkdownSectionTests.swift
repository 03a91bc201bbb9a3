import Foundation
import Testing
@_spi(Testing) @testable import DossierKit

/// The body is rendered section by section to bound memory; the result must be byte for byte what
/// cmark makes of the whole document.
@Suite struct MarkdownSectionTests {
    private func whole(_ markdown: String, unsafe: Bool = false) -> RenderedMarkdown {
        var renderer = MarkdownRenderer(isUnsafeHTMLAllowed: unsafe)
        renderer.rendersInSections = false
        return renderer.render(markdown)
    }

    /// Cut at every possible place, to test each cut.
    private func expectSame(_ markdown: String, unsafe: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var renderer = MarkdownRenderer(isUnsafeHTMLAllowed: unsafe)
        renderer.minimumPieceBytes = 0
        let sections = renderer.render(markdown)
        let reference = whole(markdown, unsafe: unsafe)
        #expect(sections == reference, sourceLocation: sourceLocation)
    }

    static let tricky: [String] = [
        "## A\n\nText\n## B\ntext\n",
        "Intro\n\n# One\n\n- item\n- item\n## Two\n\n1. a\n2. b\n\n## Talking points\n\n- x\n\n### Deep\n\ny\n\n## After\n\nz\n",
        "```\n# not a heading\n## nor this\n```\n## Real\n",
        "```\nunclosed fence\n## inside the fence\n## still inside\n",
        "~~~~\n## in\n~~~\n## in too\n~~~~\n# out\n",
        "<div>\n## inside html\n</div>\n\n## outside\n",
        "<!--\n## in a comment\n-->\n## after\n",
        "<pre>\n## in pre\n</pre>\n## after\n",
        "> quote\n## heading after a quote\n> again\n",
        "- item\n  ```\n  code\n## heading closes the list and its fence\n",
        "Para\n===\n## x\nSetext\n---\n",
        "[ref]: https://example.com\n\n## A\n\n[link][ref]\n",
        "## A\n\n[link][ref]\n\n## B\n\n[ref]: https://example.com\n",
        "##\n#\n## \n#\tTab\n#5 not\n### three\n####### seven\n",
        "## Talking points\n\n- one\n\n## Talking points\n\n- two\n",
        "# Talking points\n\n## Talking points\n\nx\n# Next\n",
        "",
        "no headings at all\n",
        "## Negotiation {private}\n\nsecret\n\n## Other\n",
        "    ## indented code, not a heading\n## heading\n",
        "Text\n\n\n\n## A\n\n\n",
        "## A\n\n```\ncode\n```\n## B\n\n~~~ info\ncode\n~~~~  \n## C\n",
        "## A\n\n````\ncode\n```\n## B inside\n````\n## C\n",
        "## A\n\n```\ncode\n``` not a close\n## B inside\n```\n## C\n",
        "## A\n\n```\n```\n## B\n",
        "## A\n\n   ```\n   code\n   ```\n## B\n",
        "## A\n\n    code\n    more\n## B\n",
        "## A\n\n- item\n\n  ```\n  code\n## B\n",
        "## A\n\n> ```\n> code\n## B\n",
        "## A\n\n```\n## B\n",
        "## A\r\n\r\n```\r\ncode\r\n## B\r\n",
        "## Talking points\n\nFirst paragraph\n\nSecond one\n\n- a list\n\nThird\n## Next\n\nAfter\n",
        "Intro\n\n## Talking points\nNo blank line\n\nThen a paragraph\n\n中文段落\n",
        "- loose\n\n- list\n\nParagraph after\n\n1. ordered\n\n2. continues\n\nText\n",
        "> quote\n\nText after\n\n<div>\n\nText after html\n",
        "plain\nlines\nof a paragraph\nthat turns into a heading\n===\n",
        "plain\nlines\nthen *emphasis\nacross* lines\n---\n",
        "- tight\n- list\n- made loose\n\n- at its end\n",
        "- a\n- b\n* another bullet starts another list\n* x\n",
        "1. a\n2. b\n3) another delimiter\n4) x\n",
        "7. starts at seven\n8. b\n9. c\n",
        "- a\n- b\n- - -\n- c\n",
        "> quote\nlazy\nlazy\nlazy\n",
        "- item\nlazy\nlazy\n- item\n",
        "trailing  \nhard\\\nbreaks\n",
        "## Talking points\n\nplain\nlines\nin the talking points\n- and\n- a list\n## After\n",
        "> quoted\n> lines\n>\n> a new paragraph\n> - a list\n> - in the quote\n>\n> - made loose\n",
        "> > nested\n> lazy in the nested quote\nlazy too\n> > back\n",
        "> - a\n> - b\n- c\n> - d\n",
        ">     indented code\n>     in a quote\n> text\n",
    ]

    @Test(arguments: tricky)
    func sectionsRenderLikeTheWholeDocument(_ markdown: String) {
        expectSame(markdown)
        expectSame(markdown, unsafe: true)
    }

    /// Bodies made of lines that open, close and interrupt blocks, in a fixed pseudo-random order.
    @Test func randomMixturesOfBlocksRenderLikeTheWholeDocument() {
        let lines = ["# One", "## Two", "### Three", "## Talking points", "text", "", "", "- item", "  - nested", "1. first",
                     "> quote", "```", "~~~", "````", "    indented", "<div>", "</div>", "<!--", "-->", "<pre>", "</pre>",
                     "Setext", "---", "===", "  ```", "- ```", "*emphasis*", "[link](https://example.com)", "#", "##",
                     "Talking points", "  continued", "> ```", "<custom-tag>", "<script>", "</script>", "中文", "\tTabbed", "   ~~~",
                     "plain", "plain", "| a | b |", "trailing  ", "one space ", "back\\", "- item", "* star", "+ plus",
                     "2) paren", "10. ten", "- - -", "* * *", "-", "1.", "<a", "href=\"x\">", "`code", "tick`", "x*", "_y_",
                     "> plain", "> plain", ">", "> - item", "> > deeper", "> 1. one", ">     code", "> ===", "> ---"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextIndex(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let body = (0..<(5 + nextIndex(40))).map { _ in lines[nextIndex(lines.count)] }.joined(separator: "\n") + "\n"
            expectSame(body)
        }
    }

    @Test func theExampleDossiersRenderLikeTheWholeDocument() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("content/accounts")
        let paths = FileTree.regularFiles(under: folder.path, skipsHidden: true).filter { $0.hasSuffix(".md") }
        #expect(paths.count >= 10)
        for path in paths {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            guard case .success(let frontMatter) = FrontMatter.split(text, path: path) else { continue }
            expectSame(frontMatter.body)
            expectSame(String(repeating: frontMatter.body, count: 3))
        }
    }

    @Test func aUsualBodyIsParsedWholeAndALargeOneInPiecesOfAtLeast64KB() {
        let section = "## Situation\n\nSome text about the account.\n\nMore text.\n\n"
        #expect(MarkdownRenderer.cuts(in: String(repeating: section, count: 100), minimumPieceBytes: 65_536).isEmpty)
        let large = String(repeating: section, count: 10_000)
        let starts = MarkdownRenderer.cuts(in: large, minimumPieceBytes: 65_536).map(\.index)
        let offsets = [large.startIndex] + starts
        #expect(starts.count > 5)
        #expect(zip(offsets, offsets.dropFirst()).allSatisfy { large.utf8.distance(from: $0, to: $1) >= 65_536 })
        #expect(MarkdownRenderer().render(large) == whole(large))
    }

    /// The shapes that cmark needs most memory for: one block of many lines.
    static let hugeBlocks: [String] = [
        String(repeating: "A line of plain text in one long paragraph\n", count: 2_000),
        String(repeating: "| a | b |\n", count: 5_000),
        String(repeating: "Plain lines of a paragraph\nwith *emphasis* on each line\n", count: 1_000),
        String(repeating: "- item *x*\n", count: 5_000),
        (1...5_000).map { "\($0). item\n" }.joined(),
        "## Talking points\n\n" + String(repeating: "- point\n", count: 5_000) + "\n## Next\n\ntext\n",
        String(repeating: "> A quoted line of plain text\n", count: 2_000),
        String(repeating: "> - a list in a quote\n", count: 2_000),
        String(repeating: "> > a nested quote\n", count: 2_000),
    ]

    @Test(arguments: hugeBlocks)
    func aHugeParagraphOrListIsCutInsideAndJoinedBack(_ body: String) {
        let cuts = MarkdownRenderer.cuts(in: body, minimumPieceBytes: 1_000)
        #expect(cuts.count >= 10)
        #expect(cuts.allSatisfy { $0.kind != .betweenBlocks })
        var renderer = MarkdownRenderer()
        renderer.minimumPieceBytes = 1_000
        #expect(renderer.render(body) == whole(body))
    }

    @Test func aParagraphMayBeCutAtEachLineButAfterAHardBreak() {
        let body = "*emphasis* first\nthen plain\nand plain\n\nplain\ntrailing  \nplain\n"
        let cuts = MarkdownRenderer.cuts(in: body).map { (body.utf8.distance(from: body.startIndex, to: $0.index), $0.kind) }
        #expect(cuts.map(\.0) == [17, 28, 39, 45])
        #expect(cuts.map(\.1) == [.withinParagraph, .withinParagraph, .betweenBlocks, .withinParagraph])
    }

    /// Inline syntax left open before a cut makes `render` try the piece up to a later cut, and then
    /// render the rest whole: the HTML stays the same.
    @Test(arguments: [
        "*an opener that never closes\n" + String(repeating: "plain line\n", count: 3_000),
        String(repeating: "*emphasis across\ntwo lines* and `code\nacross` lines\n", count: 1_000),
        String(repeating: "<a\nhref=\"x\">raw HTML across lines</a> [a link\nacross](https://example.com)\n", count: 1_000),
        "plain\n" + String(repeating: "[", count: 2_000) + "\n" + String(repeating: "]\nx\n", count: 2_000),
    ])
    func inlineSyntaxOpenAcrossACutRendersLikeTheWholeDocument(_ body: String) {
        var renderer = MarkdownRenderer()
        renderer.minimumPieceBytes = 1_000
        #expect(renderer.render(body) == whole(body))
        renderer.minimumPieceBytes = 0
        #expect(renderer.render(body) == whole(body))
    }

    @Test func aBodyWithHeadingsIsCutAtEachLevelOneOrTwoHeading() {
        let body = "Intro\n# One\ntext\n## Two\n### Three\n## Four\n"
        let starts = MarkdownRenderer.cuts(in: body).filter { $0.kind == .betweenBlocks }
            .map { body.utf8.distance(from: body.startIndex, to: $0.index) }
        #expect(starts == [6, 17, 34])
        #expect(MarkdownRenderer.cuts(in: body + "[a]: /url\n").isEmpty)
    }
}

/// The search index reads only as much of a body as its 5,000 characters need.
@Suite struct SearchBodyTextTests {
    @Test(arguments: ["plain words ", "é", "e\u{301}", "中文", "👩‍👩‍👧", "🇩🇪", "a&amp;b ", "<em>x</em> ", "e\u{301}\u{302}\u{303}\u{304}"])
    func theBodyTextIsThePrefixOfTheWholeText(_ unit: String) {
        for count in [1, 100, 4_999, 5_000, 5_001, 12_000, 60_000] {
            let html = "<p>" + String(repeating: unit, count: count) + "</p>\n"
            #expect(SearchIndex.bodyText(ofHTML: html) == String(SearchIndex.plainText(ofHTML: html).prefix(SearchIndex.bodyLimit)))
        }
    }
}
