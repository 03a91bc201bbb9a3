import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for every file dossier reads from a site (dossiers, `dossier.yml` or the `--config` file,
/// templates, stylesheets, scripts and strings files): it may be reached through symbolic links, but
/// where it finally lies must be inside the site folder. Otherwise a link committed to the site
/// (`templates/k.mustache -> ~/.ssh/id_rsa`) would publish whatever it points at.
enum SiteFile {
    /// How reading a site file went.
    enum Outcome: Equatable, Sendable {
        /// The file's bytes.
        case bytes([UInt8])
        /// There is no such file (a dangling link counts as none).
        case missing
        /// It could not be used: a link out of the site, or a read error.
        case refused(Problem)
    }

    /// Reads the file at `relativePath` in the site when it lies inside the site.
    static func read(_ relativePath: String, in siteRoot: URL) -> Outcome {
        let path = siteRoot.appendingPathComponent(relativePath).path
        if let problem = linkProblem(at: path, in: siteRoot) { return .refused(problem) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return .missing }
        do {
            return .bytes([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            return .refused(.unreadable(reason: error.localizedDescription))
        }
    }

    /// The problem when the file or folder at `path` (absolute) resolves, through links, to a place
    /// outside the site; nil when it lies inside, or does not exist.
    static func linkProblem(at path: String, in siteRoot: URL) -> Problem? {
        guard let resolved = realPath(path) else { return nil }
        let root = realPath(siteRoot.path) ?? siteRoot.standardizedFileURL.path
        guard resolved != root, !resolved.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? resolved
        return .linkLeavesSite(target: target)
    }

    /// Whether the entry at `path` is itself a symbolic link (not followed).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The path with every link resolved, or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
