import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a build's files so that a failed or interrupted build never leaves a half-written site.
///
/// Every build, full or incremental, writes a complete new site into a staging folder beside the
/// output: pages whose file is still right are hard-linked from the current output (no bytes
/// copied, times kept), the others are made and written. Then the staging folder and the output are
/// exchanged in one step (`renameat2` with `RENAME_EXCHANGE` on Linux; elsewhere two renames, and a
/// build that finds the output missing with a previous one beside it puts that one back), and the
/// previous site, now in the staging folder, is removed. At every moment the output is either the
/// previous site or the new one, never a mix.
///
/// The writer only ever replaces a folder that carries its marker file (or an empty one), never
/// writes outside it, and never follows a symbolic link inside it: old files are read and linked only
/// through real folders (see `OutputTree`), and a link in the way of the pages is replaced, with a
/// warning, by the pages themselves; what it points to is never touched.
public struct OutputWriter: Sendable {
    /// The marker file that says dossier made a folder and may replace it.
    public static let markerName = ".dossier-output"
    static let markerText = "This folder is written by dossier. The files listed below are replaced on every build; do not edit them.\n"
    /// Files an otherwise empty output folder may hold (a placeholder kept in git); they are carried over.
    static let placeholders: Set<String> = [".gitkeep"]
    /// How the names of staging folders beside an output called `name` start.
    static func stagingPrefix(_ name: String) -> String { ".\(name).dossier-tmp-" }
    /// How the names of previous outputs moved aside (by the two-rename swap) start.
    static func retiredPrefix(_ name: String) -> String { ".\(name).dossier-old-" }

    public var output: URL
    /// Where the site's own files are: the output may not be, contain or lie inside them.
    public var siteRoot: URL
    /// Publish with one atomic exchange of the folders where the system can; false always uses the
    /// two renames that are the fallback (for tests of that path).
    var exchangesFolders = true

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
        guard let kind = OutputTree.kind(at: outputPath) else { return nil }
        if kind == S_IFLNK { return failure(.outputIsLink(path: displayPath)) }
        guard kind == S_IFDIR else { return failure(.outputNotOurs(path: displayPath)) }
        if isOurs(outputPath) { return nil }
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

    /// What a successful write returns: what was done, the stamp of every page's file, and warnings
    /// (a link replaced, a previous site that could not be removed).
    struct Written: Sendable {
        var summary: Summary
        var stamps: [String: FileStamp]
        var warnings: [Diagnostic]
    }

    /// Makes and writes `pages` into a fresh folder on `threads` threads, then swaps it in place of the output.
    ///
    /// A page marked unchanged (`PageJob.isUnchanged`) is not made again: its file is kept. A page whose bytes did not change is hard-linked from the
    /// previous output rather than written, so it keeps its modification time and `rsync` or a web
    /// server sees only real changes. Files in the output that dossier did not make (not in the
    /// marker's list) are carried over untouched, links as links; files it made for pages that are
    /// gone are left out. A file dossier did not make where a page must go is an error.
    func write(_ pages: [PageJob], threads: Int = 1) -> Result<Written, Diagnostic> {
        if let problem = validate() { return .failure(problem) }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        var warnings: [Diagnostic] = []
        let tree = OutputTree(scanning: output.path)
        let made = madeByUs(tree)
        let paths = pages.map(\.path)
        let pageFiles = Set(paths)
        let pageFolders = Set(paths.flatMap(Self.folders(of:)))
        let isInTheWay = { (path: String) in
            pageFiles.contains(path) || pageFolders.contains(path) || Self.folders(of: path).contains(where: pageFiles.contains)
        }
        let foreign = tree.files.subtracting(made).subtracting([Self.markerName])
        if let clash = foreign.sorted().first(where: isInTheWay) {
            return .failure(failure(.foreignFileInTheWay(path: display(clash))))
        }
        var links: [String: String] = [:]
        for (path, target) in tree.links.sorted(by: { $0.key < $1.key }) {
            if isInTheWay(path) || made.contains(path) {
                warnings.append(warning(.linkInOutput(path: display(path))))
            } else {
                links[path] = target
            }
        }
        let ours = made.intersection(tree.files)
        let staging = parent.appendingPathComponent(Self.stagingPrefix(name) + "\(getpid())-\(UUID().uuidString.prefix(8))")
        let registry = InterruptCleanup.shared
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            registry.register(staging.path)
            // The marker first: a folder with it is known as dossier's by the next build, whatever happens to this one.
            try Data(Self.markerText(listing: []).utf8).write(to: staging.appendingPathComponent(Self.markerName))
            try Self.makeFolders(pageFolders, in: staging.path)
            let output = self.output
            let outcomes = pages.parallelMap(threads: threads, counting: BuildProgress.begin(.writing, total: pages.count)) { page in
                Self.place(page, from: output, into: staging, isOurs: ours.contains(page.path))
            }
            var (summary, records) = try Self.tally(pages, outcomes)
            for path in foreign.sorted() {
                try link(output.appendingPathComponent(path), to: staging.appendingPathComponent(path))
            }
            for (path, target) in links.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            }
            summary.removed = ours.subtracting(paths).count
            try Data(Self.markerText(listing: paths).utf8).write(to: staging.appendingPathComponent(Self.markerName))
            BuildProgress.begin(.publishing)
            if let previousSite = try publish(staging, besides: parent, named: name) {
                do {
                    try FolderRemoval.remove(previousSite, threads: Self.fileSystemThreads)
                } catch {
                    warnings.append(warning(.previousOutputNotRemoved(path: display(absolute: previousSite), reason: "\(error.path): \(error.reason)")))
                }
                registry.unregister(previousSite)
            }
            return .success(Written(summary: summary, stamps: records, warnings: warnings))
        } catch {
            try? FolderRemoval.remove(staging.path, threads: Self.fileSystemThreads)
            registry.unregister(staging.path)
            return .failure(failure(.writeFailed(path: displayPath, reason: error.localizedDescription)))
        }
    }

    /// Threads for making and removing folders: the work is waiting on the file system's journal, not
    /// computing, so it goes faster with more threads than cores (see `FolderRemoval`).
    static let fileSystemThreads = 16

    /// Makes `folders` (relative paths) in `root`, each level on `fileSystemThreads` threads.
    private static func makeFolders(_ folders: Set<String>, in root: String) throws {
        let byDepth = Dictionary(grouping: folders) { $0.split(separator: "/").count }
        for depth in byDepth.keys.sorted() {
            let failures = (byDepth[depth] ?? []).parallelMap(threads: fileSystemThreads) { folder -> String? in
                mkdir(root + "/" + folder, 0o777) == 0 || errno == EEXIST ? nil : "cannot make \(folder): \(String(cString: strerror(errno)))"
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
            }
        }
    }

    /// Puts the staging folder in place of the output in one step; returns where the previous site is
    /// now (to be removed), or nil when there was none. An interruption waits until this is done.
    private func publish(_ staging: URL, besides parent: URL, named name: String) throws -> String? {
        try InterruptCleanup.shared.withRegistry { registered in
            guard OutputTree.kind(at: output.path) != nil else {
                try Self.rename(staging.path, to: output.path)
                registered.remove(staging.path)
                return nil
            }
            if exchangesFolders, Self.exchange(staging.path, output.path) { return staging.path }
            let retired = parent.appendingPathComponent(Self.retiredPrefix(name) + staging.lastPathComponent.dropFirst(Self.stagingPrefix(name).count)).path
            try Self.rename(output.path, to: retired)
            registered.insert(retired)
            do {
                try Self.rename(staging.path, to: output.path)
            } catch {
                try? Self.rename(retired, to: output.path)
                registered.remove(retired)
                throw error
            }
            registered.remove(staging.path)
            return retired
        }
    }

    /// Exchanges two folders atomically (Linux 3.15 and later, on file systems that support it).
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = renameAt2Symbol else { return false }
        let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// glibc's `renameat2` (2.28 and later), which Swift's Glibc module does not declare.
    private nonisolated(unsafe) static let renameAt2Symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
    #endif

    private static func rename(_ source: String, to destination: String) throws {
        guard systemRename(source, destination) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot rename \(source): \(String(cString: strerror(errno)))"])
        }
    }

    /// The folders a relative path lies in: `a/b/c.html` → `a`, `a/b`.
    static func folders(of path: String) -> [String] {
        var folders: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            folders.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return folders
    }

    /// Counts what was done to each page and keeps each page's stamp; throws the first failure.
    static func tally(_ pages: [PageJob], _ outcomes: [Result<Placement, Error>]) throws -> (Summary, [String: FileStamp]) {
        var summary = Summary()
        var records: [String: FileStamp] = [:]
        for (page, outcome) in zip(pages, outcomes) {
            let placement = try outcome.get()
            if placement.isWritten { summary.written += 1 } else { summary.unchanged += 1 }
            if placement.isRendered { summary.rendered += 1 }
            if let stamp = placement.stamp { records[page.path] = stamp }
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
    /// and then linked when its bytes are unchanged, or written. `isOurs` says the output holds a file
    /// dossier made at the page's path, reached through real folders only. Returns its stamp, whether
    /// it was written and whether it was made.
    private static func place(_ page: PageJob, from output: URL, into staging: URL, isOurs: Bool) -> Result<Placement, Error> {
        let old = output.appendingPathComponent(page.path)
        let new = staging.appendingPathComponent(page.path)
        do {
            if isOurs, page.isUnchanged {
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
        let marker = output.appendingPathComponent(Self.markerName)
        guard OutputTree.kind(at: marker.path) == S_IFREG,
              let text = try? String(contentsOf: marker, encoding: .utf8),
              let range = text.range(of: "files:\n") else { return nil }
        return text[range.upperBound...].split(separator: "\n").map(String.init).filter(Self.isInside)
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
    private func madeByUs(_ tree: OutputTree) -> Set<String> {
        if let listed = markerListing() { return Set(listed) }
        guard isOurs(output.path) else { return [] }
        return tree.files.subtracting(Self.placeholders).subtracting([Self.markerName])
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

    /// Deals with what interrupted builds left beside the output: a staging folder or a previous site
    /// moved aside, carrying the marker, of a process that is gone (or of this one, when no build in
    /// it uses it now). A previous site is put back when the output is missing (a build was killed
    /// between the two renames of a swap); the others are removed. Folders without the marker are
    /// never touched. Returns a warning for each that cannot be removed.
    ///
    /// `SiteBuilder` calls it first thing, once it holds the output's lock.
    func removeLeftovers() -> [Diagnostic] {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        var warnings: [Diagnostic] = []
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted().reversed()
        for entry in entries {
            let prefix = [Self.stagingPrefix(name), Self.retiredPrefix(name)].first { entry.hasPrefix($0) }
            guard let prefix else { continue }
            let path = parent.appendingPathComponent(entry).path
            guard OutputTree.kind(at: path) == S_IFDIR, isOurs(path) else { continue }
            let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" })
            let isInUse = pid.map { $0 == getpid() ? InterruptCleanup.shared.isRegistered(path) : Self.isRunning($0) } ?? false
            if isInUse { continue }
            if prefix == Self.retiredPrefix(name), OutputTree.kind(at: output.path) == nil, systemRename(path, output.path) == 0 {
                continue
            }
            do {
                try FolderRemoval.remove(path, threads: Self.fileSystemThreads)
            } catch {
                warnings.append(warning(.previousOutputNotRemoved(path: display(absolute: path), reason: "\(error.path): \(error.reason)")))
            }
        }
        return warnings
    }

    /// Whether a process with this id exists.
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether the folder at `path` carries the marker (a regular file, not a link).
    private func isOurs(_ path: String) -> Bool {
        OutputTree.kind(at: path + "/" + Self.markerName) == S_IFREG
    }

    var displayPath: String { display(absolute: output.path) }

    /// A path inside the output as the user knows it, e.g. `output/tags`.
    func display(_ relative: String) -> String { displayPath + "/" + relative }

    /// An absolute path, relative to the site when it is inside it.
    func display(absolute path: String) -> String {
        let root = siteRoot.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    func failure(_ problem: Problem) -> Diagnostic {
        Diagnostic(.error, problem, at: SourceLocation(path: displayPath), in: .write)
    }

    func warning(_ problem: Problem) -> Diagnostic {
        Diagnostic(.warning, problem, at: SourceLocation(path: displayPath), in: .write)
    }
}

/// `rename(2)`, named apart from `OutputWriter.rename`.
private func systemRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}
