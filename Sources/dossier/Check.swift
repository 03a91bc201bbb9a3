import ArgumentParser
import DossierKit

extension SiteChecker.OutputFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every dossier and report problems; writes nothing.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: SiteChecker.OutputFormat = .text

    func run() throws {
        let checker = SiteChecker(siteRoot: site.siteRoot, asOf: try asOf.day(), isStrict: strict)
        let (output, isPassing) = checker.check(format: format)
        print(output, terminator: "")
        if !isPassing { throw ExitCode.failure }
    }
}
