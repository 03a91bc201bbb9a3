import ArgumentParser
import DossierKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a new dossier skeleton, content/accounts/<slug>.md.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The account's slug: lowercase letters, digits and hyphens.")
    var slug: String

    @Option(help: "The account's name (default: from the slug).")
    var name: String?

    @Option(help: "The account owner (default: Unassigned).")
    var owner: String?

    func run() throws {
        do {
            let path = try Scaffold.newDossier(slug: slug, name: name, owner: owner, in: site.siteRoot, today: Day.today())
            say("wrote \(path)")
        } catch {
            printError("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
