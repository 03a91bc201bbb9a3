import ArgumentParser
import DossierKit

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print what changed in each dossier since a day (default: a week ago), from git history.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var audience: AudienceOption

    @Option(help: "Compare with the dossiers as they were on this day, YYYY-MM-DD (default: 7 days before the as-of day).")
    var since: String?

    @Argument(help: "Only these dossiers, by slug.")
    var slugs: [String] = []

    func run() throws {
        let report = ChangeReport(siteRoot: site.siteRoot, asOf: try asOf.day(), since: try day(from: since, option: "--since"), slugs: slugs, configFile: site.config, audience: audience.audience)
        switch report.text() {
        case .success(let text):
            say(text, terminator: "")
        case .failure(let failure):
            printError(failure.description + "\n")
            throw ExitCode.failure
        }
    }
}
