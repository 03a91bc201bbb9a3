import Foundation

/// `dossier export`: the portfolio table of a site, as CSV or JSON, to standard output or a file.
public struct PortfolioExport: Sendable {
    /// The file format.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// The research site.
    public var siteRoot: URL
    /// The day the figures are computed for.
    public var asOf: Day
    /// The settings file, relative to the site root.
    public var configFile: String

    /// An export of the site at `siteRoot` as of `asOf`.
    public init(siteRoot: URL, asOf: Day, configFile: String = SiteConfig.fileName) {
        self.siteRoot = siteRoot
        self.asOf = asOf
        self.configFile = configFile
    }

    /// The site's table in `format` (`excel`: CSV with a UTF-8 byte-order mark), or the errors that stop it:
    /// like a build, an export refuses a site with errors, so no figure comes from a half-read dossier.
    public func text(format: Format, excel: Bool = false) -> Result<String, DiagnosticList> {
        guard DossierFileLoader.isSite(siteRoot) else {
            return .failure(DiagnosticList(diagnostics: [Diagnostic(.error, .notASite, at: SourceLocation(path: siteRoot.path), in: .load)]))
        }
        let analysis = SiteAnalysis.analyze(siteRoot: siteRoot, asOf: asOf, configFile: configFile)
        guard !analysis.hasErrors else { return .failure(DiagnosticList(diagnostics: analysis.diagnostics.filter { $0.severity == .error })) }
        let table = PortfolioTable(analysis: analysis, asOf: asOf)
        return .success(format == .csv ? table.csv(excel: excel) : table.json())
    }

    /// Writes `text` to `path` whole or not at all (a temporary file beside it, then renamed over it).
    public static func write(_ text: String, to path: String) -> Diagnostic? {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return Diagnostic(.error, .writeFailed(path: path, reason: "it is a folder; give a file name such as portfolio.csv"), at: SourceLocation(path: path), in: .write)
        }
        // The rename would replace whatever has the name: only a regular file is ever replaced, never a
        // FIFO, a device such as /dev/null or /dev/stdout, or a link.
        var info = stat()
        if lstat(url.path, &info) == 0, let refusal = PDFDestination.refusal(forType: info.st_mode & S_IFMT) {
            return Diagnostic(.error, .writeFailed(path: path, reason: "it \(refusal); give a new file name or an existing file, or leave out --output for standard output"),
                              at: SourceLocation(path: path), in: .write)
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: url, replacing: true)
            return nil
        } catch {
            let reason = switch error {
            case .exists: "it exists"
            case .system(let message): message
            }
            return Diagnostic(.error, .writeFailed(path: path, reason: reason), at: SourceLocation(path: path), in: .write)
        }
    }
}

/// Diagnostics as one error value.
public struct DiagnosticList: Error, Sendable, Equatable {
    /// The diagnostics, sorted as `check` sorts them.
    public var diagnostics: [Diagnostic]
}
