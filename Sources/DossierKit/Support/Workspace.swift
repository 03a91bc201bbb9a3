#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A temporary folder for a build that is not the site's own output (`serve`'s preview, a printed
/// brief): it may hold private research, so only its owner may read it (mode 0700), and its name,
/// `dossier-KIND-PID-UUID`, lets the next run of the same kind remove what a killed one left behind.
enum Workspace {
    /// Makes a new workspace for `kind` (`serve`, `print`) under the system's temporary folder, after
    /// removing those of that kind whose process is gone.
    static func make(kind: String, in parent: URL = FileManager.default.temporaryDirectory) throws -> URL {
        removeAbandoned(kind: kind, in: parent)
        let folder = parent.appendingPathComponent("\(prefix(kind))\(getpid())-\(UUID().uuidString)")
        guard mkdir(folder.path, 0o700) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path])
        }
        return folder
    }

    /// Removes the folder (never following a link), with the threads a large preview needs.
    static func remove(_ folder: URL) {
        try? FolderRemoval.remove(folder.path, threads: OutputWriter.fileSystemThreads)
    }

    /// Removes the workspaces of `kind` in `parent` that belong to this user and to no running process.
    /// Anything else there (another user's, a link, a name without a process id) is left alone.
    static func removeAbandoned(kind: String, in parent: URL = FileManager.default.temporaryDirectory) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix(kind)) {
            let rest = name.dropFirst(prefix(kind).count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
                  !OutputWriter.isRunning(pid) else { continue }
            let path = parent.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else { continue }
            try? FolderRemoval.remove(path)
        }
    }

    private static func prefix(_ kind: String) -> String { "dossier-\(kind)-" }
}
