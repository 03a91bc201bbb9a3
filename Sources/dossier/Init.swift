import ArgumentParser
import DossierKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new research site in a new or empty folder.")

    @Argument(help: "The folder to create the site in.")
    var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let paths = try Scaffold.initSite(at: folder, today: Day.today())
            for path in paths { print("wrote \(directory)/\(path)") }
            print("next: cd \(directory) && dossier build")
        } catch {
            printError("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
