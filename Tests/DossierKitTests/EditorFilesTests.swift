import Foundation
import Testing
@testable import DossierKit

/// What `dossier init` writes for Visual Studio Code, that it never replaces a file the user has, and that
/// the task's problem matcher reads every line `dossier check` prints.
@Suite struct EditorFilesTests {
    private func read(_ path: String, in site: URL) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    private func object(_ path: String, in site: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try read(path, in: site).utf8)) as? [String: Any])
    }

    @Test func initWritesTheTaskTheSettingsAndTheSchemas() throws {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        let created = try Scaffold.createSite(at: site, today: TestSupport.asOf)
        #expect(created.kept.isEmpty)
        #expect(created.written.suffix(5) == [EditorFiles.tasksPath, EditorFiles.settingsPath, EditorFiles.extensionsPath,
                                               EditorFiles.settingsSchemaPath, EditorFiles.dossierSchemaPath])
        let tasks = try object(EditorFiles.tasksPath, in: site)
        #expect(tasks["version"] as? String == "2.0.0")
        let task = try #require((tasks["tasks"] as? [[String: Any]])?.first)
        #expect(task["label"] as? String == "dossier check" && task["command"] as? String == "dossier" && task["args"] as? [String] == ["check"])
        let matcher = try #require(task["problemMatcher"] as? [String: Any])
        #expect(matcher["fileLocation"] as? [String] == ["relative", "${workspaceFolder}"])
        let pattern = try #require(matcher["pattern"] as? [String: Any])
        #expect(pattern["regexp"] as? String == EditorFiles.problemPattern)
        #expect(pattern["file"] as? Int == 1 && pattern["line"] as? Int == 2 && pattern["column"] as? Int == 3)
        #expect(pattern["severity"] as? Int == 4 && pattern["message"] as? Int == 5)

        let settings = try object(EditorFiles.settingsPath, in: site)
        let schemas = try #require(settings["yaml.schemas"] as? [String: [String]])
        #expect(schemas == ["./.vscode/dossier-settings.schema.json": ["dossier.yml", "dossier.*.yml"]])
        #expect(try object(EditorFiles.extensionsPath, in: site)["recommendations"] as? [String] == ["redhat.vscode-yaml"])
        #expect(try read(EditorFiles.settingsSchemaPath, in: site) == JSONSchema.text(of: .settings))
        #expect(try read(EditorFiles.dossierSchemaPath, in: site) == JSONSchema.text(of: .dossier))
        // The new site's own settings and example pass the schemas they came with.
        let errors = try JSONSchemaTests.validate([
            (.settings, try #require(JSONSchemaTests.json(ofFile: site.appendingPathComponent("dossier.yml")))),
            (.dossier, try #require(JSONSchemaTests.json(ofFile: site.appendingPathComponent("content/accounts/example-account.md")))),
        ])
        #expect(errors == [nil, nil])
    }

    @Test func initKeepsTheEditorFilesTheFolderHas() throws {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        let mine = "{\n  // my settings, with a comment\n  \"editor.tabSize\": 2,\n}\n"
        let myTasks = "{\"version\": \"2.0.0\", \"tasks\": [{\"label\": \"dossier check\", \"command\": \"my-wrapper\"}]}"
        try TestSupport.write([EditorFiles.settingsPath: mine, EditorFiles.tasksPath: myTasks, EditorFiles.settingsSchemaPath: "{}"], under: site)
        let created = try Scaffold.createSite(at: site, today: TestSupport.asOf)
        #expect(try read(EditorFiles.settingsPath, in: site) == mine)
        #expect(try read(EditorFiles.tasksPath, in: site) == myTasks)
        #expect(try read(EditorFiles.settingsSchemaPath, in: site) == "{}")
        #expect(!created.written.contains(EditorFiles.settingsPath) && !created.written.contains(EditorFiles.tasksPath))
        #expect(created.written.contains(EditorFiles.extensionsPath) && created.written.contains("dossier.yml"))
        // tasks.json already has a `dossier check` task: kept without a word. The others say what to do.
        #expect(created.kept.map(\.path) == [EditorFiles.settingsPath, EditorFiles.settingsSchemaPath])
        let settingsAdvice = try #require(created.kept.first).description
        #expect(settingsAdvice.hasPrefix("kept .vscode/settings.json as it is (dossier never overwrites your files); "))
        #expect(settingsAdvice.contains("\"yaml.schemas\": {\n  \"./.vscode/dossier-settings.schema.json\": [\"dossier.yml\", \"dossier.*.yml\"]\n}"))
        #expect(created.kept.last?.advice == "it is not this version's schema; to update it, run: dossier schema settings > .vscode/dossier-settings.schema.json")
        // Any other file still makes the folder unfit for a new site, and nothing is written then.
        let other = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([EditorFiles.settingsPath: mine, "notes.txt": "mine"], under: other)
        #expect(throws: Scaffold.Failure.notEmpty(other.path)) { try Scaffold.createSite(at: other, today: TestSupport.asOf) }
        #expect(try TestSupport.tree(at: other).keys.sorted() == [EditorFiles.settingsPath, "notes.txt"])
    }

    @Test func nothingIsWrittenThroughALinkedEditorFolder() throws {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        let elsewhere = try TestSupport.makeTemporaryFolder()
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent(".vscode"), withDestinationURL: elsewhere)
        let created = try Scaffold.createSite(at: site, today: TestSupport.asOf)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(created.kept.count == EditorFiles.files.count)
        #expect(created.written == ["dossier.yml", ".gitignore", "content/accounts/example-account.md"])
    }

    @Test func editorFilesCanBeAddedToAnExistingSite() throws {
        let notASite = try TestSupport.makeTemporaryFolder()
        #expect(throws: Scaffold.Failure.notASite(notASite.path)) { try Scaffold.addEditorFiles(to: notASite) }
        #expect(try TestSupport.tree(at: notASite).isEmpty)

        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: pre\n---\n",
                               EditorFiles.extensionsPath: "{\"recommendations\": [\"redhat.vscode-yaml\", \"mine\"]}"], under: site)
        let first = try Scaffold.addEditorFiles(to: site)
        #expect(first.written == [EditorFiles.tasksPath, EditorFiles.settingsPath, EditorFiles.settingsSchemaPath, EditorFiles.dossierSchemaPath])
        #expect(first.kept.isEmpty)
        #expect(try read(EditorFiles.extensionsPath, in: site).contains("mine"))
        let before = try TestSupport.tree(at: site)
        let second = try Scaffold.addEditorFiles(to: site)
        #expect(second.written.isEmpty && second.kept.isEmpty)
        #expect(try TestSupport.tree(at: site) == before)
    }

    /// Every diagnostic line of `check` (hostile values in messages included) is one problem with the right
    /// file, line, column and severity; the summary line is none.
    @Test func theProblemMatcherReadsEveryLineOfCheck() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write([
            "content/accounts/acme.md": "---\nname: Acme\nowner: Mei\nstage: \"mid\\nx.md:1:2: error: fake\"\nfoo: 1\n---\n",
            "content/accounts/dach/b-corp.md": "---\nname: B: Corp, 50% owned\nowner: Mei\nstage: early\nengagement: \"a:1:1: warning: b\\r\\nc\"\n---\n",
            "content/accounts/c-corp.md": "---\nname: C\nowner: Mei\nstage: pre\nreviewed: 2020-01-01\n---\n",
        ], under: site)
        let (output, _) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf).check(format: .text)
        let analysis = SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf)
        let diagnostics = analysis.diagnostics.sorted { $0.location < $1.location }
        #expect(diagnostics.contains { $0.severity == .note } && diagnostics.contains { $0.severity == .warning })
        let tasks = try JSONSerialization.jsonObject(with: Data(EditorFiles.tasks.text().utf8)) as? [String: Any]
        let task = try #require((tasks?["tasks"] as? [[String: Any]])?.first)
        let regexp = try #require(((task["problemMatcher"] as? [String: Any])?["pattern"] as? [String: Any])?["regexp"] as? String)
        let expression = try NSRegularExpression(pattern: regexp)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == diagnostics.count + 1)
        for (line, diagnostic) in zip(lines, diagnostics) {
            let range = NSRange(line.startIndex..., in: line)
            let match = try #require(expression.firstMatch(in: line, range: range), "no problem in: \(line)")
            func group(_ number: Int) -> String { Range(match.range(at: number), in: line).map { String(line[$0]) } ?? "" }
            #expect(group(1) == diagnostic.location.path)
            #expect(group(2) == String(diagnostic.location.line) && group(3) == String(diagnostic.location.column))
            #expect(group(4) == diagnostic.severity.rawValue)
            #expect(group(5) == TerminalText.escaped(diagnostic.message))
        }
        let summary = try #require(lines.last)
        #expect(expression.firstMatch(in: summary, range: NSRange(summary.startIndex..., in: summary)) == nil)
    }
}
