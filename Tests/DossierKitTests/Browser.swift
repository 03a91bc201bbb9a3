import Foundation
import Testing

/// Headless Chromium and poppler, run as the user would (installed by `scripts/install-deps --test`).
/// A missing tool fails the test that needs it; nothing is skipped.
enum Browser {
    /// Prints `page` to PDF with Chromium's print engine (A4 from the page's `@page` rule).
    static func printToPDF(_ page: URL, to pdf: URL) throws {
        try run("chromium", arguments(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]))
    }

    /// The DOM of `url` after its scripts have run.
    static func dumpDOM(_ url: String) throws -> String {
        try run("chromium", arguments(["--dump-dom", url]))
    }

    /// Runs a command-line tool and returns its standard output; a non-zero exit is a test failure.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let (status, output) = try TestSupport.run(tool, arguments)
        #expect(status == 0, "\(tool) failed; run scripts/install-deps --test")
        return output
    }

    private static func arguments(_ extra: [String]) throws -> [String] {
        let profile = try TestSupport.makeTemporaryFolder()
        return ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"] + extra
    }
}

extension Browser {
    /// What the page at `url` wrote to Chromium's console (its log on standard error), after loading it.
    static func consoleMessages(_ url: String) throws -> String {
        let profile = try TestSupport.makeTemporaryFolder()
        let (_, output) = try TestSupport.run("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--dump-dom", url,
        ], includesErrors: true)
        return output.split(separator: "\n").filter { $0.contains(":CONSOLE") }.joined(separator: "\n")
    }
}
