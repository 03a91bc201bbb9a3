import Testing
@testable import DossierKit

/// Sections whose heading ends with `{private}`: dropped for audiences that do not see private parts,
/// marked and labelled for those that do.
@Suite struct PrivateSectionTests {
    static let body = """
        ## Situation

        Public text.

        ## Negotiation {private}

        Secret-one.

        ### Walk-away

        Secret-two.

        > quoted Secret-three

        ## About {private} markers

        Public again.

        ## Talking points

        - Public point

        ### Price floor {private}

        - Secret-four

        #### Deeper

        Secret-five

        ### Agenda

        - Public agenda

        ## Last

        Public last.

        ### Very last {private}

        Secret-six

        """

    static let hidden = MarkdownRenderer()
    static let shown = MarkdownRenderer(privateSections: .shown(label: "Private"))

    @Test func aPrivateSectionRunsToTheNextHeadingOfTheSameOrAHigherLevelAndIsDropped() {
        let rendered = Self.hidden.render(Self.body)
        #expect(!rendered.html.contains("Secret"))
        #expect(!rendered.html.contains("Negotiation"))
        #expect(!rendered.html.contains("Walk-away"))
        #expect(!rendered.html.contains("Price floor"))
        #expect(!rendered.html.contains("class=\"private"))
        for kept in ["<h2>Situation</h2>", "<h2>About {private} markers</h2>", "<p>Public again.</p>", "<li>Public point</li>",
                     "<h3>Agenda</h3>", "<h2>Last</h2>", "<p>Public last.</p>"] {
            #expect(rendered.html.contains(kept), "missing: \(kept)")
        }
        #expect(rendered.talkingPointsHTML == "<ul>\n<li>Public point</li>\n</ul>\n<h3>Agenda</h3>\n<ul>\n<li>Public agenda</li>\n</ul>\n")
    }

    @Test func aSharedAudienceSeesPrivateSectionsMarkedWithoutTheMarker() {
        let rendered = Self.shown.render(Self.body)
        for secret in ["Secret-one", "Secret-two", "Secret-three", "Secret-four", "Secret-five", "Secret-six"] {
            #expect(rendered.html.contains(secret), "missing: \(secret)")
        }
        #expect(rendered.html.contains("<div class=\"private\">\n<h2>Negotiation <span class=\"private-label\">Private</span></h2>\n<p>Secret-one.</p>"))
        #expect(rendered.html.contains("<p>Secret-two.</p>\n<blockquote>\n<p>quoted Secret-three</p>\n</blockquote>\n</div>\n<h2>About {private} markers</h2>"))
        #expect(rendered.html.contains("<h3>Very last <span class=\"private-label\">Private</span></h3>\n<p>Secret-six</p>\n</div>"))
        #expect(!rendered.html.contains("Negotiation {private}"))
        #expect(!rendered.html.contains("Very last {private}"))
        #expect(rendered.talkingPointsHTML == """
            <ul>
            <li>Public point</li>
            </ul>
            <div class="private">
            <h3>Price floor <span class="private-label">Private</span></h3>
            <ul>
            <li>Secret-four</li>
            </ul>
            <h4>Deeper</h4>
            <p>Secret-five</p>
            </div>
            <h3>Agenda</h3>
            <ul>
            <li>Public agenda</li>
            </ul>

            """)
    }

    @Test func wholeTalkingPointsCanBePrivate() {
        let body = "## Talking points {private}\n\n- Secret point\n\n## Private next {private}\n\nSecret-next\n\n## Public\n\nText.\n"
        #expect(Self.hidden.render(body).talkingPointsHTML == nil)
        #expect(!Self.hidden.render(body).html.contains("Secret"))
        let shown = Self.shown.render(body)
        #expect(shown.talkingPointsHTML == "<div class=\"private\"><p class=\"private-label\">Private</p>\n<ul>\n<li>Secret point</li>\n</ul>\n</div>\n")
        // The next private section at the same level ends the talking points.
        #expect(shown.html.contains("<h2>Private next <span class=\"private-label\">Private</span></h2>\n<p>Secret-next</p>"))
    }

    @Test func talkingPointsInsideAPrivatePartAreMarkedOnTheBrief() {
        let body = "# Part one {private}\n\n## Talking points\n\n- Secret point\n\n# Part two\n\n## Other\n\nText.\n"
        #expect(Self.hidden.render(body).talkingPointsHTML == nil)
        #expect(Self.shown.render(body).talkingPointsHTML == "<div class=\"private\"><p class=\"private-label\">Private</p>\n<ul>\n<li>Secret point</li>\n</ul>\n</div>\n")
    }

    @Test(arguments: [
        "## Plan {PRIVATE}\n\nSecret\n",
        "## Plan {private}  \n\nSecret\n",
        "## Plan {private} ##\n\nSecret\n",
        "Plan {private}\n---\n\nSecret\n",
        "## *Plan* {private}\n\nSecret\n",
        "## {private}\n\nSecret\n",
        "- item\n\n  ## In a list {private}\n\n  Secret\n",
        "> ## In a quote {private}\n>\n> Secret\n",
    ])
    func everyFormOfAPrivateHeadingIsDropped(_ body: String) {
        let html = Self.hidden.render("Intro.\n\n" + body + "\n# Next\n\nAfter.\n").html
        #expect(!html.contains("Secret"), "\(html)")
        #expect(html.contains("<p>Intro.</p>") && html.contains("<p>After.</p>"))
        let shown = Self.shown.render(body).html
        #expect(shown.contains("Secret") && shown.contains("private-label") && !shown.lowercased().contains("{private}"), "\(shown)")
    }

    @Test(arguments: ["## The {private} marker\n\nKept\n", "## Plan {private} notes\n\nKept\n", "## Plan `{private}`\n\nKept\n", "Text {private}\n\nKept\n"])
    func aMarkerThatDoesNotEndAHeadingIsJustText(_ body: String) {
        let html = Self.hidden.render(body).html
        #expect(html.contains("Kept"))
        #expect(html.contains("{private}"))
    }

    @Test func theLabelIsEscaped() {
        let html = MarkdownRenderer(privateSections: .shown(label: "<b>\"x\" & 'y'</b>")).render("## A {private}\n\nB\n").html
        #expect(html.contains("<span class=\"private-label\">&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</span>"))
    }

    @Test func headingsThatMentionTheMarkerElsewhereAreFoundForAWarning() {
        let body = "## A {private} (draft)\n\nx\n\n## B {private}\n\n```\n## C {private} in code\n```\n\n> ### D {Private} quoted\n\nE {private} text\n"
        #expect(MarkdownRenderer.headingsWithMisplacedPrivateMarker(in: body) == [1, 11])
        #expect(MarkdownRenderer.headingsWithMisplacedPrivateMarker(in: "## Plain\n").isEmpty)
    }
}
