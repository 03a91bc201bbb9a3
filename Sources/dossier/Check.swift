import ArgumentParser
import DossierKit

extension SiteChecker.OutputFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every dossier and report problems; writes nothing.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var progress: ProgressOption

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text, json, or github (GitHub Actions workflow commands).")
    var format: SiteChecker.OutputFormat = .text

    @Flag(inversion: .prefixedNo, help: "List the health rules' findings as note: lines.")
    var notes = true

    @Flag(help: "List every health rule and positive signal, one line each, and exit.")
    var rules = false

    @Flag(help: "Parse every dossier even when the build cache holds it unchanged.")
    var noCache = false

    func run() throws {
        if rules {
            say(HealthRules.listing() + HealthSignals.listing(), terminator: "")
            return
        }
        var checker = SiteChecker(siteRoot: site.siteRoot, asOf: try asOf.day(), isStrict: strict, includesNotes: notes, configFile: site.config)
        checker.usesCache = !noCache
        checker.progress = progress.reporter()
        let (output, isPassing) = checker.check(format: format)
        say(output, terminator: "")
        if !isPassing { throw ExitCode.failure }
    }
}
