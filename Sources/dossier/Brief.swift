import ArgumentParser
import DossierKit
import Foundation

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one account's pre-meeting brief to PDF (needs headless Chromium).")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var audience: AudienceOption

    @Argument(help: "The account's slug.")
    var slug: String

    @Option(help: "The PDF file to write.")
    var pdf: String

    func run() throws {
        try printBriefs(.account(slug), to: pdf, site: site, asOf: asOf, audience: audience)
    }
}

struct Briefs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the briefs of every meeting in the next seven days to one PDF, each on a new page.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var audience: AudienceOption

    @Flag(help: "The meetings of the next seven days (the only selection for now).")
    var week = false

    @Option(help: "The PDF file to write.")
    var pdf: String

    func validate() throws {
        guard week else { throw ValidationError("say which briefs: --week prints those of the next seven days") }
    }

    func run() throws {
        try printBriefs(.week, to: pdf, site: site, asOf: asOf, audience: audience)
    }
}

/// Prints briefs and reports the result the way every command does.
private func printBriefs(_ selection: BriefPrinter.Selection, to pdf: String, site: SiteOptions, asOf: AsOfOption, audience: AudienceOption) throws {
    var printer = BriefPrinter(siteRoot: site.siteRoot, asOf: try asOf.day(), configFile: site.config)
    printer.audience = audience.audience
    switch printer.print(selection, to: URL(fileURLWithPath: pdf).standardizedFileURL) {
    case .success(let slugs):
        say("printed \(slugs.count == 1 ? "the brief of \(slugs[0])" : "\(slugs.count) briefs (\(slugs.joined(separator: ", ")))") to \(pdf)")
    case .failure(let failure):
        printError(failure.description + "\n")
        throw ExitCode.failure
    }
}
