import ArgumentParser
import DossierKit

extension PortfolioExport.Format: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the portfolio as a table, one row per account with its figures (CSV or JSON).",
        discussion: "Columns and their meaning: docs/working-with-other-tools.md."
    )

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format: csv or json.")
    var format: PortfolioExport.Format = .csv

    @Option(help: "Write to this file instead of standard output (written whole, then renamed into place).")
    var output: String?

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark, so Excel reads names such as 华信电子 correctly.")
    var excel = false

    func validate() throws {
        if excel, format != .csv { throw ValidationError("--excel applies to --format csv only") }
    }

    func run() throws {
        let export = PortfolioExport(siteRoot: site.siteRoot, asOf: try asOf.day(), configFile: site.config)
        switch export.text(format: format, excel: excel) {
        case .failure(let list):
            printError(list.diagnostics.map { $0.formatted + "\n" }.joined() + "export failed: nothing was written\n")
            throw ExitCode.failure
        case .success(let text):
            guard let output else {
                print(text, terminator: "")
                return
            }
            if let problem = PortfolioExport.write(text, to: output) {
                printError(problem.formatted + "\n")
                throw ExitCode.failure
            }
        }
    }
}
