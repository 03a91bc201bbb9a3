import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one file so that it is either whole or not there: the bytes go to a new file beside it,
/// are flushed to disk, and only then take the file's name. A `kill -9` at any moment leaves the old
/// file (or none) and at worst a hidden `.NAME.dossier-tmp-*` file beside it, never a half file.
enum AtomicFile {
    /// Why a write was refused or failed.
    enum Failure: Error, Equatable {
        /// The file exists and `replacing` was false.
        case exists
        case system(String)
    }

    /// Writes `data` to `url`; with `replacing` false a file that exists (or appears meanwhile) is
    /// never replaced (the new file is linked in under the name, which fails when it exists).
    static func write(_ data: Data, to url: URL, replacing: Bool) throws(Failure) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .system(error.localizedDescription)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).dossier-tmp-\(getpid())-\(UUID().uuidString)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system(String(cString: strerror(errno))) }
        defer { unlink(temporary.path) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { failure = String(cString: strerror(errno)); return }
                offset += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure { throw .system(failure) }
        if replacing {
            guard rename(temporary.path, url.path) == 0 else { throw .system(String(cString: strerror(errno))) }
        } else {
            // link() refuses an existing name, so a file that appeared since it was looked for is kept.
            guard link(temporary.path, url.path) == 0 else {
                throw errno == EEXIST ? .exists : .system(String(cString: strerror(errno)))
            }
        }
    }
}
