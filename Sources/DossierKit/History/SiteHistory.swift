import Foundation

/// The git history of a site's dossiers, read in one pass and shared by every page.
public struct SiteHistory: Sendable {
    /// One commit that touched a dossier.
    public struct Entry: Sendable, Equatable {
        public var commit: String
        public var date: Day
        public var author: String
        public var subject: String
    }

    /// Entries by site-relative path, newest first.
    public var entries: [String: [Entry]] = [:]
    /// Site-relative paths with changes not committed yet (edited, staged or new).
    public var uncommitted: Set<String> = []
    /// The site folder relative to the repository's top, with a trailing slash ("" at the top).
    var prefix = ""
    var reader: SiteReader

    /// Reads the history of `content/accounts` under `siteRoot`, or says why there is none.
    public static func read(siteRoot: URL) -> Result<SiteHistory, HistoryUnavailable> {
        let reader = SiteReader(siteRoot: siteRoot)
        return GitState.read(with: reader).map { read(from: $0, with: reader) }
    }

    /// Reads the log of `content/accounts`, from the state git gave at the start of the build.
    static func read(from state: GitState, with reader: SiteReader) -> SiteHistory {
        var history = SiteHistory(reader: reader)
        history.prefix = state.prefix
        let folder = DossierFileLoader.accountsFolder
        // From the commit the inputs saw, so that a commit made while the build runs is not half in it.
        let head = String(decoding: state.head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let from = head.isEmpty ? [] : [head]
        if case .success(let log) = reader.git(["log", "-z", "--date=short", "--format=%x00%H%x00%ad%x00%an%x00%s", "--name-only"] + from + ["--", folder]) {
            history.entries = parseLog(String(decoding: log, as: UTF8.self), prefix: history.prefix)
        }
        history.uncommitted = parseStatus(String(decoding: state.status, as: UTF8.self), prefix: history.prefix)
        return history
    }

    /// `git log -z` records, fields and paths ended by NUL, which no name, subject or path can contain:
    /// an empty field opens a record (paths are never empty), then hash, date, author and subject,
    /// then the paths the commit touched, the first after a newline.
    ///
    /// Fields are taken by position, so a subject or an author may hold any other character without
    /// moving the others; a record whose hash or date is not one is left out.
    static func parseLog(_ text: String, prefix: String) -> [String: [Entry]] {
        var entries: [String: [Entry]] = [:]
        var fields = text.split(separator: "\0", omittingEmptySubsequences: false)[...]
        while let marker = fields.popFirst() {
            guard marker.isEmpty, fields.count >= 4 else { continue }
            let hash = fields.removeFirst(), date = fields.removeFirst(), author = fields.removeFirst(), subject = fields.removeFirst()
            var paths: [Substring] = []
            while let path = fields.first, !path.isEmpty {
                fields.removeFirst()
                paths.append(paths.isEmpty && path.hasPrefix("\n") ? path.dropFirst() : path)
            }
            guard isCommitHash(hash), let day = Day(parsing: String(date)) else { continue }
            let entry = Entry(commit: String(hash), date: day, author: String(author), subject: String(subject))
            for path in paths where path.hasPrefix(prefix) {
                entries[String(path.dropFirst(prefix.count)), default: []].append(entry)
            }
        }
        return entries
    }

    /// A full SHA-1 or SHA-256 object name.
    private static func isCommitHash(_ text: Substring) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `git status --porcelain -z`: `XY path\0`, with a second path after renames.
    static func parseStatus(_ text: String, prefix: String) -> Set<String> {
        var paths: Set<String> = []
        var skipNext = false
        for item in text.split(separator: "\0") {
            if skipNext { skipNext = false; continue }
            guard item.count > 3 else { continue }
            let code = item.prefix(2)
            let path = String(item.dropFirst(3))
            if code.contains("R") || code.contains("C") { skipNext = true }
            if path.hasPrefix(prefix) { paths.insert(String(path.dropFirst(prefix.count))) }
        }
        return paths
    }
}

/// Why a build has no git history to show.
public enum HistoryUnavailable: Error, Equatable, CustomStringConvertible {
    case gitMissing
    case notAWorkTree

    public var description: String {
        switch self {
        case .gitMissing: "git is not installed, so reports show no history (install git to see it)"
        case .notAWorkTree: "the site is not in a git work tree, so reports show no history"
        }
    }
}
