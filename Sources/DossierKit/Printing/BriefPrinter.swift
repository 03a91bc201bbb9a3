import Foundation

/// Prints pre-meeting briefs to PDF with headless Chromium (Debian's `chromium`), offline.
///
/// The site is built into a temporary folder, so the PDF is exactly the brief a browser shows.
public struct BriefPrinter: Sendable {
    /// Which briefs to print.
    public enum Selection: Sendable, Equatable {
        /// One account's brief, by slug.
        case account(String)
        /// Every brief of a meeting in the next seven days, in date order, each on a new page.
        case week
    }

    public var siteRoot: URL
    public var asOf: Day
    public var configFile = SiteConfig.fileName
    /// The audience the briefs are printed for (`--audience`); nil means the settings' default.
    public var audience: String?
    /// Where to look for Chromium: the PATH.
    public var searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"

    public init(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.asOf = asOf
        self.configFile = configFile
    }

    /// Prints `selection` to the PDF file `pdf`; returns the slugs printed, in order.
    public func print(_ selection: Selection, to pdf: URL) -> Result<[String], PrintFailure> {
        guard let browser = Self.browser(in: searchPath) else { return .failure(.browserMissing) }
        let destination = PDFDestination(pdf)
        if let refusal = destination.refusal() { return .failure(.refusedDestination(pdf.path, refusal)) }
        let workspace: URL
        do {
            workspace = try Workspace.make(kind: "print")
        } catch {
            return .failure(.cannotWrite(FileManager.default.temporaryDirectory.path))
        }
        defer { Workspace.remove(workspace) }
        let site = workspace.appendingPathComponent("site")
        var builder = SiteBuilder(siteRoot: siteRoot, output: site, asOf: asOf, configFile: configFile)
        builder.audience = audience
        let report = builder.build()
        guard !report.hasErrors else {
            return .failure(.siteHasErrors(DiagnosticReport.text(report.problems, summary: report.summary)))
        }
        let dossiers = report.analysis.dossiers.map(\.dossier)
        let slugs: [String]
        let page: URL
        switch selection {
        case .account(let slug):
            guard dossiers.contains(where: { $0.slug == slug }) else { return .failure(.unknownSlug(slug)) }
            slugs = [slug]
            page = site.appendingPathComponent(SiteLinks.briefPath(ofAccount: slug))
        case .week:
            slugs = dossiers
                .compactMap { dossier in dossier.nextMeeting?.date.map { (dossier.slug, $0) } }
                .filter { (0...7).contains(asOf.days(until: $0.1)) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                .map(\.0)
            guard !slugs.isEmpty else { return .failure(.noMeetingsThisWeek) }
            // `_` cannot start a slug, so this folder never meets an account's.
            page = site.appendingPathComponent("accounts/_week/briefs.html")
            let written = try? FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
            let combined = try? Self.combinedBriefs(slugs, in: site, policy: ContentSecurityPolicy(report.analysis.config))
            guard written != nil, (try? combined?.write(to: page, atomically: true, encoding: .utf8)) != nil else {
                return .failure(.cannotWrite(page.path))
            }
        }
        let printed = workspace.appendingPathComponent("briefs.pdf")
        guard run(browser, page: page, to: printed, profile: workspace.appendingPathComponent("profile")),
              FileManager.default.fileExists(atPath: printed.path) else {
            return .failure(.browserFailed)
        }
        do {
            try destination.write(try Data(contentsOf: printed))
        } catch let refusal as PDFDestination.Refusal {
            return .failure(.refusedDestination(pdf.path, refusal))
        } catch {
            return .failure(.cannotWrite(pdf.path))
        }
        return .success(slugs)
    }

    /// One document with each brief's body on its own page, using the briefs' print stylesheet.
    static func combinedBriefs(_ slugs: [String], in site: URL, policy: ContentSecurityPolicy) throws -> String {
        var language = "en"
        var bodies: [String] = []
        for slug in slugs {
            let html = try String(contentsOf: site.appendingPathComponent(SiteLinks.briefPath(ofAccount: slug)), encoding: .utf8)
            if let lang = html.firstMatch(of: /<html lang="([^"]+)">/) { language = String(lang.output.1) }
            guard let start = html.range(of: "<body>"), let end = html.range(of: "</body>", options: .backwards) else { continue }
            bodies.append("<div class=\"brief-page\">\(html[start.upperBound..<end.lowerBound])</div>")
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            \(policy.metaElements)
            <title>Briefs</title>
            <link rel="stylesheet" href="../../assets/brief.css">
            </head>
            <body>
            \(bodies.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Chromium's switches that keep it off the network: no name resolves, every request (loopback
    /// included) goes to a proxy on the discard port, which refuses it, and none of the browser's own
    /// background traffic starts. The pages' Content-Security-Policy already forbids remote resources;
    /// this holds even for a site that allows remote images, or a template that drops the policy.
    static let offlineSwitches = [
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-domain-reliability", "--no-default-browser-check", "--no-first-run",
    ]

    /// Runs headless Chromium on `page`, offline (``offlineSwitches``); the sandbox is off only when
    /// running as root, where it cannot start.
    private func run(_ browser: URL, page: URL, to pdf: URL, profile: URL) -> Bool {
        let process = Process()
        process.executableURL = browser
        var arguments = ["--headless", "--disable-gpu", "--no-pdf-header-footer"] + Self.offlineSwitches
            + ["--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)", page.absoluteString]
        if getuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Chromium in one of the folders of `searchPath`, under the names Debian and others give it.
    static func browser(in searchPath: String) -> URL? {
        Executable.find(["chromium", "chromium-browser", "google-chrome"], in: searchPath)
    }
}

/// Why no PDF was printed.
public enum PrintFailure: Error, Equatable, CustomStringConvertible {
    case browserMissing
    case browserFailed
    /// The path given for the PDF is not one dossier may replace (see ``PDFDestination``).
    case refusedDestination(String, PDFDestination.Refusal)
    case cannotWrite(String)
    case unknownSlug(String)
    case noMeetingsThisWeek
    case siteHasErrors(String)

    public var description: String {
        switch self {
        case .browserMissing:
            "error: printing to PDF needs headless Chromium, which is not installed; on Debian or Ubuntu: sudo apt-get install chromium"
        case .browserFailed: "error: Chromium could not print the brief"
        case .refusedDestination(let path, let refusal):
            "error: \(path) \(refusal); dossier writes a PDF only to a new file or over a PDF it can read: choose another file name"
        case .cannotWrite(let path): "error: cannot write \(path)"
        case .unknownSlug(let slug): "error: no dossier with the slug '\(slug)'"
        case .noMeetingsThisWeek: "error: no meeting in the next seven days has a brief to print"
        case .siteHasErrors(let diagnostics): diagnostics + "fix the errors above first"
        }
    }
}
