import ArgumentParser
import DossierKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new research site in a new or empty folder.")

    @Argument(help: "The folder to create the site in.")
    var directory: String

    @Flag(help: "Also write a git pre-commit hook (.githooks/pre-commit) that checks the staged dossiers.")
    var hook = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let paths = try Scaffold.initSite(at: folder, today: Day.today(), withHook: hook)
            for path in paths { say("wrote \(directory)/\(path)") }
            if hook { say("enable the hook in each clone: cd \(directory) && git config core.hooksPath .githooks") }
            say("next: cd \(directory) && dossier build")
        } catch {
            printError("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
