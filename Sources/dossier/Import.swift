import ArgumentParser
import DossierKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write dossiers from a CRM's CSV export, or update the keys the CRM owns in those already imported.",
        discussion: "Reads Salesforce's standard export columns unless --map names others. Never deletes a file, never changes what the team wrote. See docs/working-with-other-tools.md."
    )

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption

    @Argument(help: "The accounts CSV file (one row per account).")
    var accounts: String

    @Option(help: "The contacts CSV file: each contact becomes a stakeholder of its account's new dossier.")
    var contacts: String?

    @Option(help: "The opportunities CSV file: they become the account's opportunities.")
    var opportunities: String?

    @Option(help: "A YAML file naming the CRM's columns, stages and date format (default: Salesforce's).")
    var map: String?

    @Option(help: "The owner of accounts whose owner column is empty or missing.")
    var owner: String?

    @Flag(help: "Show what would be new, updated and unchanged; write nothing.")
    var dryRun = false

    func run() throws {
        if let owner, owner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || owner.contains(where: \.isNewline) {
            throw ValidationError("--owner must be a name on one line")
        }
        let importer = CRMImport(siteRoot: site.siteRoot, accounts: accounts, contacts: contacts, opportunities: opportunities, mapping: map,
                                 defaultOwner: owner?.trimmingCharacters(in: .whitespaces), asOf: try asOf.day(), configFile: site.config)
        let report = importer.run(dryRun: dryRun)
        say(report.text, terminator: "")
        if report.hasErrors { throw ExitCode.failure }
    }
}
