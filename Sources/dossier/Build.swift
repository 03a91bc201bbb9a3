import ArgumentParser
import DossierKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "The output folder (default: output/ in the site).")
    var output: String?

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let report = SiteBuilder(siteRoot: site.siteRoot, output: outputURL, asOf: try asOf.day(), configFile: site.config).build()
        let diagnostics = report.problems
        if !diagnostics.isEmpty {
            printError(DiagnosticReport.text(diagnostics, summary: report.analysis.summary))
        }
        guard !report.hasErrors else {
            printError("build failed: nothing was written\n")
            throw ExitCode.failure
        }
        let outputPath = (outputURL ?? site.siteRoot.appendingPathComponent("output")).path
        let summary = report.output ?? OutputWriter.Summary()
        print("built \(report.analysis.dossiers.count) dossiers into \(outputPath): \(summary.written) files written, \(summary.unchanged) unchanged, \(summary.removed) removed")
        if report.analysis.noteCount > 0 {
            print("\(report.analysis.noteCount) health findings are shown in the site; `dossier check` lists them")
        }
        print("open \(outputPath)/index.html")
    }
}
