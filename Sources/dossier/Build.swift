import ArgumentParser
import DossierKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var audience: AudienceOption
    @OptionGroup var progress: ProgressOption

    @Option(help: "The output folder (default: output/ in the site).")
    var output: String?

    @Option(help: "Show on each brief what changed since this day, YYYY-MM-DD (default: the last meeting).")
    var since: String?

    @Flag(help: "Leave git history out of the reports.")
    var noHistory = false

    @Option(help: "Threads to use (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Build everything even when nothing changed since the last build.")
    var noCache = false

    func run() throws {
        InterruptCleanup.install()
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var builder = SiteBuilder(siteRoot: site.siteRoot, output: outputURL, asOf: try asOf.day(), configFile: site.config)
        builder.readsHistory = !noHistory
        builder.usesCache = !noCache
        builder.audience = audience.audience
        builder.progress = progress.reporter()
        if let jobs {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            builder.threads = jobs
        }
        builder.since = try day(from: since, option: "--since")
        let report = builder.build()
        for note in report.notes { printError("note: \(note)\n") }
        let diagnostics = report.problems
        if !diagnostics.isEmpty {
            printError(DiagnosticReport.text(diagnostics, summary: report.summary))
        }
        let outputPath = (outputURL ?? site.siteRoot.appendingPathComponent("output")).path
        if report.isUpToDate {
            say("nothing changed since the last build: \(report.output?.unchanged ?? 0) files unchanged in \(outputPath)")
            return
        }
        guard !report.hasErrors else {
            let isWriteFailure = report.problems.contains { if case .writeFailed = $0.problem { true } else { false } }
            printError(isWriteFailure
                ? "build failed while writing: the previous site was left as it was\n"
                : "build failed: nothing was written\n")
            throw ExitCode.failure
        }
        let summary = report.output ?? OutputWriter.Summary()
        say("built \(report.analysis.dossiers.count) dossiers into \(outputPath): \(summary.written) files written, \(summary.unchanged) unchanged, \(summary.removed) removed")
        if report.analysis.parsedCount < report.analysis.fileCount || summary.rendered < summary.written + summary.unchanged {
            say("incremental: \(report.analysis.parsedCount) dossiers parsed and \(summary.rendered) pages rendered; the rest came from the cache")
        }
        if report.analysis.noteCount > 0 {
            say("\(report.analysis.noteCount) health findings are shown in the site; `dossier check` lists them")
        }
        say("open \(outputPath)/index.html")
    }
}
