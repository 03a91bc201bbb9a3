import Foundation

/// The Visual Studio Code files `dossier init` writes: a `dossier check` task whose problem matcher reads
/// check's `path:line:col: severity: message` lines into the Problems panel, the settings that give
/// `dossier.yml` its JSON Schema (through the YAML extension, which they recommend), and the schemas.
///
/// A file that already exists is never replaced: it is kept as it is, and `Kept` says what to add by hand.
public enum EditorFiles {
    /// The editor's folder in the site.
    public static let folder = ".vscode"
    public static let tasksPath = ".vscode/tasks.json"
    public static let settingsPath = ".vscode/settings.json"
    public static let extensionsPath = ".vscode/extensions.json"
    /// The schema of dossier.yml, as `dossier schema settings` prints it.
    public static let settingsSchemaPath = ".vscode/dossier-settings.schema.json"
    /// The schema of a dossier's front-matter, as `dossier schema dossier` prints it.
    public static let dossierSchemaPath = ".vscode/dossier-front-matter.schema.json"

    /// The task's label.
    public static let taskLabel = "dossier check"
    /// The YAML extension the settings are for (Red Hat's, which reads `yaml.schemas`).
    public static let yamlExtension = "redhat.vscode-yaml"
    /// The settings files the schema is given to: `dossier.yml` and others such as `dossier.zh.yml`.
    public static let settingsFilePatterns = ["dossier.yml", "dossier.*.yml"]

    /// The problem matcher's regular expression for one line of `dossier check`: the path is the text up to
    /// the first `:LINE:COL: SEVERITY: ` (dossier paths are slugs, so they hold no such text), the message
    /// the rest of the line. `check` shows a line break inside a message as `\u{A}`, so every diagnostic is
    /// one line, and the summary line matches nothing.
    public static let problemPattern = #"^(.+?):(\d+):(\d+): (error|warning|note): (.*)$"#

    /// A file the site already had, kept as it was, with what to do instead.
    public struct Kept: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        /// What the user can add or run to get what dossier would have written.
        public var advice: String

        public var description: String { "kept \(path) as it is (dossier never overwrites your files); \(advice)" }
    }

    /// Every file with its text, in the order written.
    public static var files: [(path: String, text: String)] {
        [
            (tasksPath, tasks.text() + "\n"),
            (settingsPath, settings.text() + "\n"),
            (extensionsPath, extensions.text() + "\n"),
            (settingsSchemaPath, JSONSchema.text(of: .settings)),
            (dossierSchemaPath, JSONSchema.text(of: .dossier)),
        ]
    }

    /// `.vscode/tasks.json`: `dossier check` as the default build task (Ctrl+Shift+B), its lines matched into problems.
    static var tasks: JSONValue {
        .object([
            .init("version", .string("2.0.0")),
            .init("tasks", .array([task])),
        ])
    }

    static var task: JSONValue {
        .object([
            .init("label", .string(taskLabel)),
            .init("type", .string("process")),
            .init("command", .string("dossier")),
            .init("args", .array([.string("check")])),
            .init("options", .object([.init("cwd", .string("${workspaceFolder}"))])),
            .init("group", .object([.init("kind", .string("build")), .init("isDefault", .bool(true))])),
            .init("presentation", .object([.init("reveal", .string("always")), .init("clear", .bool(true))])),
            .init("problemMatcher", .object([
                .init("owner", .string("dossier")),
                .init("source", .string("dossier")),
                .init("fileLocation", .array([.string("relative"), .string("${workspaceFolder}")])),
                // `note:` lines (health findings) show as information.
                .init("severity", .string("info")),
                .init("pattern", .object([
                    .init("regexp", .string(problemPattern)),
                    .init("file", .integer(1)), .init("line", .integer(2)), .init("column", .integer(3)),
                    .init("severity", .integer(4)), .init("message", .integer(5)),
                ])),
            ])),
        ])
    }

    /// The `yaml.schemas` entry: the settings schema for the settings files.
    static var yamlSchemas: JSONValue {
        .object([.init("./" + settingsSchemaPath, .array(settingsFilePatterns.map(JSONValue.string)))])
    }

    /// `.vscode/settings.json`.
    static var settings: JSONValue {
        .object([.init("yaml.schemas", yamlSchemas)])
    }

    /// `.vscode/extensions.json`: recommends the YAML extension, which reads `yaml.schemas`.
    static var extensions: JSONValue {
        .object([.init("recommendations", .array([.string(yamlExtension)]))])
    }

    /// Which files to write in `siteRoot` and which existing ones to keep: a file that exists is kept,
    /// silently when it already holds what dossier would add, else with advice.
    static func plan(in siteRoot: URL) -> (write: [(path: String, text: String)], kept: [Kept]) {
        var write: [(path: String, text: String)] = [], kept: [Kept] = []
        if isLink(siteRoot.appendingPathComponent(folder)) {
            let advice = "\(folder) is a symbolic link, and dossier writes nothing through one; to get the file, run `dossier init --editor` in a copy without the link"
            return ([], files.map { Kept(path: $0.path, advice: advice) })
        }
        for (path, text) in files {
            let url = siteRoot.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) || isLink(url) else {
                write.append((path, text))
                continue
            }
            let existing = isFolder.boolValue ? nil : (try? String(contentsOf: url, encoding: .utf8))
            if let advice = advice(for: path, existing: existing, wanted: text) { kept.append(Kept(path: path, advice: advice)) }
        }
        return (write, kept)
    }

    /// What to tell the user about an existing file, or nil when it already has what dossier would write.
    private static func advice(for path: String, existing: String?, wanted: String) -> String? {
        let existing = existing ?? ""
        switch path {
        case tasksPath:
            guard !existing.contains("\"\(taskLabel)\"") else { return nil }
            return "to run `dossier check` from the editor with its problems listed, add this task to its \"tasks\": \(task.text())"
        case settingsPath:
            guard !existing.contains(settingsSchemaPath) else { return nil }
            return "to check dossier.yml while you type, add to it: \"yaml.schemas\": \(yamlSchemas.text())"
        case extensionsPath:
            guard !existing.contains(yamlExtension) else { return nil }
            return "to be offered the YAML extension, add \"\(yamlExtension)\" to its \"recommendations\""
        default:
            guard existing != wanted else { return nil }
            let document = path == settingsSchemaPath ? JSONSchema.Document.settings : .dossier
            return "it is not this version's schema; to update it, run: dossier schema \(document.rawValue) > \(path)"
        }
    }

    private static func isLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }
}
