import Testing
@testable import DossierKit

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let result = try FrontMatter.split("---\nname: A\nowner: B\n---\n\n# Body\n", path: "x.md").get()
        #expect(result.yaml == "name: A\nowner: B")
        #expect(result.yamlLine == 2)
        #expect(result.body == "\n# Body\n")
        #expect(result.bodyLine == 5)
    }

    @Test func acceptsDotsAsTheClosingFenceAndTrailingSpaces() throws {
        let result = try FrontMatter.split("---  \nname: A\n...\nbody", path: "x.md").get()
        #expect(result.body == "body")
    }

    @Test(arguments: [
        ("name: A\n---\n", Problem.missingFrontMatter),
        ("\n---\nname: A\n---\n", Problem.missingFrontMatter),
        ("---\nname: A\n", Problem.unclosedFrontMatter),
    ])
    func reportsMissingFences(_ text: String, _ problem: Problem) {
        guard case .failure(let diagnostic) = FrontMatter.split(text, path: "x.md") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.problem == problem)
        #expect(diagnostic.location == SourceLocation(path: "x.md", line: 1, column: 1))
    }
}
