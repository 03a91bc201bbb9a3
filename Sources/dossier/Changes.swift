import ArgumentParser
import DossierKit

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print what changed in each dossier since a day (default: a week ago), from git history.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Compare with the dossiers as they were on this day, YYYY-MM-DD (default: 7 days before the as-of day).")
    var since: String?

    @Argument(help: "Only these dossiers, by slug.")
    var slugs: [String] = []

    func run() throws {
        var sinceDay: Day?
        if let since {
            guard let day = Day(parsing: since) else { throw ValidationError("--since '\(since)' is not a date in the form YYYY-MM-DD") }
            sinceDay = day
        }
        let report = ChangeReport(siteRoot: site.siteRoot, asOf: try asOf.day(), since: sinceDay, slugs: slugs, configFile: site.config)
        switch report.text() {
        case .success(let text):
            print(text, terminator: "")
        case .failure(let failure):
            printError(failure.description + "\n")
            throw ExitCode.failure
        }
    }
}
