import Foundation
@testable import DossierKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/DossierKitTests/Fixtures")
    /// The day every fixture is judged on.
    static let asOf = Day(year: 2026, month: 11, day: 26) ?? Day(epochDay: 0)
    /// Set `DOSSIER_RECORD=1` to rewrite golden files and expected diagnostics instead of comparing.
    static let isRecording = ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1"

    /// A new empty folder under the system's temporary folder.
    static func makeTemporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (path → text) under `root`.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every regular file under `root`, by relative path, with its bytes.
    static func tree(at root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return result
    }

    /// Runs the per-dossier stages on one inline dossier; the diagnostics leave out health findings.
    static func process(_ text: String, slug: String = "acme") -> (Dossier?, AccountFigures?, [Diagnostic]) {
        let (analyzed, diagnostics) = analyze(text, slug: slug)
        return (analyzed?.dossier, analyzed?.figures, diagnostics.filter { $0.severity != .note })
    }

    /// Runs the per-dossier stages, health rules included, on one inline dossier.
    static func analyze(_ text: String, slug: String = "acme", config: SiteConfig = SiteConfig()) -> (AnalyzedDossier?, [Diagnostic]) {
        let file = SourceFile(path: "content/accounts/\(slug).md", slug: slug, bytes: Array(text.utf8))
        return DossierPipeline.process(file, config: config, asOf: asOf)
    }

    /// The contract example from the issue, as shipped in the example site.
    static func contractExample() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("content/accounts/nordwind-logistik.md"), encoding: .utf8)
    }

    /// Runs a command-line tool (found on the PATH) and returns its exit status and output.
    ///
    /// `environment` is added to this process's; `includesErrors` adds standard error to the output.
    static func run(_ tool: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                    includesErrors: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = includesErrors ? pipe : FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
