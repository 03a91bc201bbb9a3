import Foundation

/// One build per output folder at a time: an exclusive `flock` on `.<output>.dossier-lock` beside it.
///
/// A second build does not wait (nothing hangs behind a stuck build): it stops at once with "another
/// build of this site is running (pid N)", the pid read from the lock file. The kernel releases the
/// lock when its process ends, however it ends, so a killed build never blocks the next one. The
/// file is removed when the build ends; one a killed build left is simply locked again. After
/// locking, the lock checks that the file it holds is still the one at that path (another build may
/// have removed it meanwhile) and starts again if not, so two builds never hold two different files.
final class OutputLock {
    /// Why the lock was not taken.
    enum Failure: Error {
        /// Another process holds it; its pid when it had written it.
        case held(pid: Int?)
        case failed(reason: String)

        /// The problem to report for an output shown as `displayPath`.
        func problem(displayPath: String) -> Problem {
            switch self {
            case .held(let pid): .buildRunning(path: displayPath, pid: pid)
            case .failed(let reason): .writeFailed(path: displayPath, reason: "cannot take the build lock: \(reason)")
            }
        }
    }

    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The lock file's path for an output folder.
    static func path(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dossier-lock").path
    }

    /// Takes the lock of `output`, making the folder that holds it when there is none.
    static func acquire(for output: URL) throws(Failure) -> OutputLock {
        let path = path(for: output)
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .failed(reason: error.localizedDescription)
        }
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .failed(reason: String(cString: strerror(errno))) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                let pid = readPID(descriptor)
                close(descriptor)
                if code == EWOULDBLOCK { throw .held(pid: pid) }
                throw .failed(reason: String(cString: strerror(code)))
            }
            var held = stat(), named = stat()
            guard fstat(descriptor, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev else {
                close(descriptor)
                continue
            }
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pwrite(descriptor, text, text.count, 0)
            InterruptCleanup.shared.register(path)
            return OutputLock(path: path, descriptor: descriptor)
        }
        throw .failed(reason: "the lock file \(path) keeps being replaced")
    }

    /// Removes the lock file, then lets go of the lock.
    func release() {
        InterruptCleanup.shared.withRegistry { registered in
            registered.remove(path)
            unlink(path)
        }
        close(descriptor)
    }

    private static func readPID(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
