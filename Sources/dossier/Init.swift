import ArgumentParser
import DossierKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new research site in a new or empty folder, with Visual Studio Code's task and settings (.vscode/).")

    @Argument(help: "The folder to create the site in (with --editor: the existing site).")
    var directory: String

    @Flag(help: "Also write a git pre-commit hook (.githooks/pre-commit) that checks the staged dossiers.")
    var hook = false

    @Flag(help: "Only add the editor files (.vscode/: the dossier check task, the settings and the schemas) to an existing site; files it has are kept.")
    var editor = false

    func validate() throws {
        if editor && hook { throw ValidationError("--editor adds only the editor files; give --hook without it, when creating a site") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let created = editor
                ? try Scaffold.addEditorFiles(to: folder)
                : try Scaffold.createSite(at: folder, today: Day.today(), withHook: hook)
            for path in created.written { say("wrote \(directory)/\(path)") }
            for kept in created.kept { say("kept \(directory)/\(kept.path) as it is (dossier never overwrites your files); \(kept.advice)") }
            if editor && created.written.isEmpty && created.kept.isEmpty { say("the editor files are already in place") }
            if hook { say("enable the hook in each clone: cd \(directory) && git config core.hooksPath .githooks") }
            if !editor { say("next: cd \(directory) && dossier build") }
        } catch {
            printError("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
