import ArgumentParser
import DossierKit
import Foundation

@main
struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turns a folder of Markdown account dossiers into a static site of reports, briefs and stage summaries.",
        subcommands: [Build.self, Check.self, Changes.self, Brief.self, Briefs.self, Serve.self, New.self, Init.self, Import.self, Export.self, Schema.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder (default: the current folder).")
    var site: String = "."

    @Option(help: "The settings file, relative to the site folder (default: dossier.yml), e.g. dossier.zh.yml.")
    var config: String = SiteConfig.fileName

    var siteRoot: URL { URL(fileURLWithPath: site).standardizedFileURL }
}

/// Who the output is for: whether it shows the private parts of dossiers.
struct AudienceOption: ParsableArguments {
    @Option(help: "The audience to build for, as named under audiences: in dossier.yml (default: default_audience; without audiences: company, which leaves private parts out; team shows them).")
    var audience: String?
}

/// Progress on the terminal: shown only when standard error is a terminal, and not with `--quiet`.
struct ProgressOption: ParsableArguments {
    @Flag(help: "Show no progress line (shown only on a terminal, for runs longer than a second).")
    var quiet = false

    /// A reporter drawing on standard error; nil with `--quiet`, when standard error is not a terminal
    /// (a log, a pipe, CI) or is one that cannot redraw a line (`TERM=dumb`).
    func reporter() -> BuildProgress? {
        guard !quiet, isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return BuildProgress(writingTo: .standardError, isTerminal: true)
    }
}

/// The day figures are computed for.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Compute figures as of this day, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's date, else today).")
    var asOf: String?

    func day() throws -> Day {
        do {
            return try Day.asOf(argument: asOf)
        } catch {
            throw ValidationError(TerminalText.escaped(error.description))
        }
    }
}

/// A `YYYY-MM-DD` option's day, nil when the option is absent; anything else is a usage error.
func day(from text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(parsing: text) else { throw ValidationError(TerminalText.escaped("\(option) '\(text)' is not a date in the form YYYY-MM-DD")) }
    return day
}

/// Writes text to standard error, with control characters from the site shown escaped.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(TerminalText.escaped(text, keepsNewlines: true).utf8))
}

/// Writes text to standard output like `print`, with control characters from the site shown escaped.
func say(_ text: String, terminator: String = "\n") {
    print(TerminalText.escaped(text, keepsNewlines: true), terminator: terminator)
}
