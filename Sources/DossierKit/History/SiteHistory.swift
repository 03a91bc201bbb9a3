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
    var git: Git

    /// Reads the history of `content/accounts` under `siteRoot`, or says why there is none.
    public static func read(siteRoot: URL) -> Result<SiteHistory, HistoryUnavailable> {
        let git = Git(folder: siteRoot)
        guard Git.executable != nil else { return .failure(.gitMissing) }
        guard case .success(let prefixData) = git.run(["rev-parse", "--show-prefix"]) else { return .failure(.notAWorkTree) }
        var history = SiteHistory(git: git)
        history.prefix = String(decoding: prefixData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = DossierFileLoader.accountsFolder
        if case .success(let log) = git.run(["log", "--date=short", "--format=%x1e%H%x1f%ad%x1f%an%x1f%s", "--name-only", "--", folder]) {
            history.entries = parseLog(String(decoding: log, as: UTF8.self), prefix: history.prefix)
        }
        if case .success(let status) = git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", folder]) {
            history.uncommitted = parseStatus(String(decoding: status, as: UTF8.self), prefix: history.prefix)
        }
        return .success(history)
    }

    /// `git log` records: `\u{1e}hash\u{1f}date\u{1f}author\u{1f}subject` then the paths it touched.
    static func parseLog(_ text: String, prefix: String) -> [String: [Entry]] {
        var entries: [String: [Entry]] = [:]
        for record in text.split(separator: "\u{1e}") {
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let date = Day(parsing: fields[1]) else { continue }
            let entry = Entry(commit: fields[0], date: date, author: fields[2], subject: fields[3])
            for path in lines.dropFirst() where path.hasPrefix(prefix) {
                entries[String(path.dropFirst(prefix.count)), default: []].append(entry)
            }
        }
        return entries
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
