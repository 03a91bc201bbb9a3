import Foundation

/// Writes a build's files so that a failed or interrupted build never leaves a half-written site.
///
/// Files go to a temporary folder beside the output, which is then swapped in. The writer only ever
/// replaces a folder that carries its marker file (or an empty one), and never writes outside it.
public struct OutputWriter: Sendable {
    /// The marker file that says dossier made a folder and may replace it.
    public static let markerName = ".dossier-output"
    static let markerText = "This folder is written by dossier. The files listed below are replaced on every build; do not edit them.\n"
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

    /// What a write did: files written with new bytes, files kept as they were, files removed.
    public struct Summary: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Pages made this build; the others were still right in the output and were kept.
        public var rendered = 0

        public init() {}
    }

    /// Makes and writes `pages` into a fresh folder on `jobs` threads, then swaps it in place of the output.
    ///
    /// A page whose key equals the one `previous` holds, and whose file in the output is as the last
    /// build left it, is not made again. A page whose bytes did not change is hard-linked from the
    /// previous output rather than written, so it keeps its modification time and `rsync` or a web
    /// server sees only real changes. Files in the output that dossier did not make (not in the
    /// marker's list) are carried over untouched; files it made for pages that are gone are left out.
    /// Returns what was done and, for the next build, the key and stamp of every page.
    func write(_ pages: [PageJob], previous: [String: BuildCache.Page] = [:], jobs: Int = 1)
        -> Result<(summary: Summary, pages: [String: BuildCache.Page]), Diagnostic> {
        if let problem = validate() { return .failure(problem) }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).dossier-tmp-\(token)")
        let retired = parent.appendingPathComponent(".\(name).dossier-old-\(token)")
        removeLeftovers(in: parent, named: name)
        let existing = Set(existingFiles())
        let made = madeByUs(existing: existing)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for folder in Set(pages.map { ($0.path as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
                try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let output = self.output
            let outcomes = pages.parallelMap(jobs: jobs) { page in
                Self.place(page, from: output, into: staging, isOurs: made.contains(page.path), previous: previous[page.path])
            }
            var (summary, records) = try Self.tally(pages, outcomes)
            for path in existing.subtracting(made).subtracting([Self.markerName]).sorted() {
                try link(output.appendingPathComponent(path), to: staging.appendingPathComponent(path))
            }
            let paths = pages.map(\.path)
            summary.removed = made.subtracting(paths).count
            try Data(Self.markerText(listing: paths).utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
            try? manager.removeItem(at: retired)
            return .success((summary, records))
        } catch {
            try? manager.removeItem(at: staging)
            if manager.fileExists(atPath: retired.path), !manager.fileExists(atPath: output.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            return .failure(failure(.writeFailed(path: displayPath, reason: error.localizedDescription)))
        }
    }

    /// Counts what was done to each page and keeps each page's key and stamp; throws the first failure.
    static func tally(_ pages: [PageJob], _ outcomes: [Result<Placement, Error>]) throws -> (Summary, [String: BuildCache.Page]) {
        var summary = Summary()
        var records: [String: BuildCache.Page] = [:]
        for (page, outcome) in zip(pages, outcomes) {
            let placement = try outcome.get()
            if placement.isWritten { summary.written += 1 } else { summary.unchanged += 1 }
            if placement.isRendered { summary.rendered += 1 }
            if let stamp = placement.stamp { records[page.path] = BuildCache.Page(key: page.key, stamp: stamp) }
        }
        return (summary, records)
    }

    /// What became of one page: its file's stamp, whether its bytes were written, whether it was made.
    struct Placement: Sendable {
        var stamp: FileStamp?
        var isWritten: Bool
        var isRendered: Bool
    }

    /// Puts one page into the staging folder: linked from the output when it is still right, else made
    /// and then linked when its bytes are unchanged, or written. Returns its stamp, whether it was written
    /// and whether it was made.
    private static func place(_ page: PageJob, from output: URL, into staging: URL, isOurs: Bool,
                              previous: BuildCache.Page?) -> Result<Placement, Error> {
        let old = output.appendingPathComponent(page.path)
        let new = staging.appendingPathComponent(page.path)
        do {
            if isOurs, previous?.canBeKept(atPath: old.path, forKey: page.key) == true {
                try linkOrCopy(old, to: new)
                return .success(Placement(stamp: FileStamp(path: new.path), isWritten: false, isRendered: false))
            }
            let data = Data(page.make().utf8)
            if isOurs, (try? Data(contentsOf: old)) == data {
                try linkOrCopy(old, to: new)
                return .success(Placement(stamp: FileStamp(path: new.path), isWritten: false, isRendered: true))
            }
            try data.write(to: new)
            return .success(Placement(stamp: FileStamp(path: new.path), isWritten: true, isRendered: true))
        } catch {
            return .failure(error)
        }
    }

    /// The files the output's marker lists; nil without a marker or with an older one that lists none.
    /// Only relative paths that stay inside the output are listed: the marker is a file anyone can edit.
    func markerListing() -> [String]? {
        guard let marker = try? String(contentsOf: output.appendingPathComponent(Self.markerName), encoding: .utf8),
              let range = marker.range(of: "files:\n") else { return nil }
        return marker[range.upperBound...].split(separator: "\n").map(String.init).filter(Self.isInside)
    }

    /// Whether `path` is a relative path of plain names, none of them `.` or `..`.
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The marker: a warning for people, then the files dossier made, one per line.
    static func markerText(listing paths: [String]) -> String {
        markerText + "files:\n" + paths.sorted().map { $0 + "\n" }.joined()
    }

    /// Files dossier made in the current output: those its marker lists (all but placeholders when an
    /// older marker lists none).
    private func madeByUs(existing: Set<String>) -> Set<String> {
        if let listed = markerListing() { return Set(listed) }
        guard isOurs(output) else { return [] }
        return existing.subtracting(Self.placeholders).subtracting([Self.markerName])
    }

    /// Every file in the current output, by relative path, hidden ones included.
    private func existingFiles() -> [String] {
        FileTree.regularFiles(under: output.path, skipsHidden: false)
    }

    /// A hard link to `source` at `destination` (a copy where links are not possible), keeping its times.
    private func link(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.linkOrCopy(source, to: destination)
    }

    static func linkOrCopy(_ source: URL, to destination: URL) throws {
        do {
            try FileManager.default.linkItem(at: source, to: destination)
        } catch {
            try FileManager.default.copyItem(at: source, to: destination)
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

    var displayPath: String {
        let root = siteRoot.path + "/"
        return output.path.hasPrefix(root) ? String(output.path.dropFirst(root.count)) : output.path
    }

    func failure(_ problem: Problem) -> Diagnostic {
        Diagnostic(.error, problem, at: SourceLocation(path: displayPath), in: .write)
    }
}
