import Foundation

/// Writes a build's files so that a failed or interrupted build never leaves a half-written site.
///
/// Files go to a temporary folder beside the output, which is then swapped in. The writer only ever
/// replaces a folder that carries its marker file (or an empty one), and never writes outside it.
public struct OutputWriter: Sendable {
    /// The marker file that says dossier made a folder and may replace it.
    public static let markerName = ".dossier-output"
    static let markerText = "This folder is written by dossier. Its contents are replaced on every build; do not edit them.\n"
    /// Files an otherwise empty output folder may hold (a placeholder kept in git); they are carried over.
    static let placeholders: Set<String> = [".gitkeep"]

    public var output: URL
    /// Where the site's own files are: the output may not be, contain or lie inside them.
    public var siteRoot: URL

    public init(output: URL, siteRoot: URL) {
        self.output = output.standardizedFileURL
        self.siteRoot = siteRoot.standardizedFileURL
    }

    /// Checks that the output folder may be written, without touching anything.
    public func validate() -> Diagnostic? {
        let outputPath = output.path
        let protected = ["", "content", "templates"].map { siteRoot.appendingPathComponent($0).standardizedFileURL.path }
        for path in protected where outputPath == path || path.hasPrefix(outputPath + "/") || (path != siteRoot.path && outputPath.hasPrefix(path + "/")) {
            return failure(.outputInsideSite(path: displayPath))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputPath, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return failure(.outputNotOurs(path: displayPath)) }
        if isOurs(output) { return nil }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputPath)) ?? ["?"]
        return entries.allSatisfy(Self.placeholders.contains) ? nil : failure(.outputNotOurs(path: displayPath))
    }

    /// Writes `files` into a fresh folder and swaps it in place of the output.
    public func write(_ files: [OutputFile]) -> Diagnostic? {
        if let problem = validate() { return problem }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).dossier-tmp-\(token)")
        let retired = parent.appendingPathComponent(".\(name).dossier-old-\(token)")
        removeLeftovers(in: parent, named: name)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            for placeholder in Self.placeholders where manager.fileExists(atPath: output.appendingPathComponent(placeholder).path) {
                try manager.copyItem(at: output.appendingPathComponent(placeholder), to: staging.appendingPathComponent(placeholder))
            }
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
            try? manager.removeItem(at: retired)
            return nil
        } catch {
            try? manager.removeItem(at: staging)
            if manager.fileExists(atPath: retired.path), !manager.fileExists(atPath: output.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            return failure(.writeFailed(path: displayPath, reason: error.localizedDescription))
        }
    }

    /// Removes staging folders that an interrupted build left beside the output (only ones it marked).
    private func removeLeftovers(in parent: URL, named name: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).dossier-tmp-") || entry.hasPrefix(".\(name).dossier-old-") {
            let url = parent.appendingPathComponent(entry)
            if isOurs(url) { try? FileManager.default.removeItem(at: url) }
        }
    }

    private func isOurs(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.markerName).path)
    }

    private var displayPath: String {
        let root = siteRoot.path + "/"
        return output.path.hasPrefix(root) ? String(output.path.dropFirst(root.count)) : output.path
    }

    private func failure(_ problem: Problem) -> Diagnostic {
        Diagnostic(.error, problem, at: SourceLocation(path: displayPath), in: .write)
    }
}
