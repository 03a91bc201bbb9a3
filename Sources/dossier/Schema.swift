import ArgumentParser
import DossierKit

extension JSONSchema.Document: ExpressibleByArgument {}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of dossier.yml (settings) or of a dossier's front-matter (dossier)."
    )

    @Argument(help: "Which schema: settings (dossier.yml) or dossier (the front-matter of content/accounts/*.md).")
    var document: JSONSchema.Document = .settings

    func run() {
        say(JSONSchema.text(of: document), terminator: "")
    }
}
