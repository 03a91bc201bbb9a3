import Testing
@testable import DossierKit

@Suite struct MarkdownRendererTests {
    @Test func rendersCommonMark() {
        let html = MarkdownRenderer().render("# Title\n\nSome *emphasis* and a [link](https://example.com).\n").html
        #expect(html == "<h1>Title</h1>\n<p>Some <em>emphasis</em> and a <a href=\"https://example.com\">link</a>.</p>\n")
    }

    @Test func safeModeOmitsRawHTMLAndDropsScriptLinks() {
        let html = MarkdownRenderer().render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>bold</b>\n").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeModeLetsRawHTMLThrough() {
        let html = MarkdownRenderer(isUnsafeHTMLAllowed: true).render("<b>bold</b>\n").html
        #expect(html.contains("<b>bold</b>"))
    }

    @Test(arguments: ["Talking points", "talking points", "谈话要点"])
    func extractsTheTalkingPointsSectionUpToTheNextHeading(_ heading: String) {
        let body = "## Situation\n\nText.\n\n## \(heading)\n\n- One\n- Two\n\n### Detail\n\nMore.\n\n## Risks\n\nNone.\n"
        let rendered = MarkdownRenderer().render(body)
        #expect(rendered.talkingPointsHTML == "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<h3>Detail</h3>\n<p>More.</p>\n")
        #expect(rendered.html.contains("<h2>Risks</h2>"))
    }

    @Test func hasNoTalkingPointsWithoutTheSection() {
        #expect(MarkdownRenderer().render("## Situation\n\nText.\n").talkingPointsHTML == nil)
    }
}
