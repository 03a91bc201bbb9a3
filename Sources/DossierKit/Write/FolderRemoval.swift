#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a folder dossier made (a staging folder, or a previous output) with everything in it.
///
/// Links are removed, never followed: a link inside the folder loses nothing it points to. A folder
/// whose permissions forbid removing its entries (made read-only by hand) is made writable first,
/// as its owner may. Files already gone count as removed.
enum FolderRemoval {
    /// A removal that failed: the path that could not be removed and why.
    struct Failure: Error, Sendable {
        var path: String
        var reason: String
    }

    /// Removes the folder (or file) at `path`; the first failure is thrown after trying everything else.
    ///
    /// With `threads` above 1, the subfolders two levels down (`accounts/acme`, `tags/rail`) are
    /// removed on that many threads first. Removing a folder waits on the file system's journal (and,
    /// on a disk mounted with `discard`, on freeing its block): at 10,000 dossiers one thread spent
    /// 25 s waiting to remove 10,000 folders, sixteen about 5 s. The work is waiting, not computing,
    /// so more threads than cores help.
    static func remove(_ path: String, threads: Int = 1) throws(Failure) {
        var failure: Failure?
        if threads > 1 {
            let subfolders = (entries(of: path) ?? []).filter { $0 != OutputWriter.markerName }.flatMap { name in
                let folder = path + "/" + name
                guard OutputTree.kind(at: folder) == S_IFDIR else { return [String]() }
                return (entries(of: folder) ?? []).map { folder + "/" + $0 }.filter { OutputTree.kind(at: $0) == S_IFDIR }
            }
            let failures = subfolders.parallelMap(threads: threads) { folder -> Failure? in
                var failure: Failure?
                removeEntry(folder, depth: 2, failure: &failure)
                return failure
            }
            failure = failures.lazy.compactMap { $0 }.first
        }
        removeEntry(path, depth: 0, failure: &failure)
        if let failure { throw failure }
    }

    private static func removeEntry(_ path: String, depth: Int, failure: inout Failure?) {
        guard let kind = OutputTree.kind(at: path) else { return }
        if kind == S_IFDIR {
            guard depth < 256 else {
                failure = failure ?? Failure(path: path, reason: "folders nested too deeply")
                return
            }
            if let names = entries(of: path) ?? (makeWritable(path) ? entries(of: path) : nil) {
                // The marker last, and only when all else went: a folder that cannot be removed whole
                // keeps it, so the next build knows it as dossier's and tries again.
                for name in names.sorted(by: { ($0 == OutputWriter.markerName ? 1 : 0) < ($1 == OutputWriter.markerName ? 1 : 0) }) {
                    if name == OutputWriter.markerName, failure != nil { break }
                    removeEntry(path + "/" + name, depth: depth + 1, failure: &failure)
                }
            }
            if rmdir(path) != 0, errno != ENOENT {
                let code = errno
                if !(code == EACCES || code == EPERM) || depth == 0 || !makeWritable(parent(of: path)) || (rmdir(path) != 0 && errno != ENOENT) {
                    failure = failure ?? Failure(path: path, reason: String(cString: strerror(errno)))
                }
            }
        } else if unlink(path) != 0, errno != ENOENT {
            let code = errno
            if !(code == EACCES || code == EPERM) || depth == 0 || !makeWritable(parent(of: path)) || (unlink(path) != 0 && errno != ENOENT) {
                failure = failure ?? Failure(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The names in a folder; nil when it cannot be read.
    private static func entries(of folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Gives the owner of the folder at `path` (a real folder, not a link) the right to change it.
    /// Only folders inside the one being removed are changed (`depth` > 0 above).
    private static func makeWritable(_ path: String) -> Bool {
        guard OutputTree.kind(at: path) == S_IFDIR else { return false }
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return chmod(path, (info.st_mode & 0o7777) | S_IRWXU) == 0
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
