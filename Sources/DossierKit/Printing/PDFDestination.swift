import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file a printed PDF goes to: only a path that does not exist yet, or a regular file (not a
/// symbolic link) that the user can read and that starts with `%PDF`, is ever replaced, and it is
/// replaced atomically (written beside it, then renamed over it).
///
/// Anything else (a FIFO, a device such as `/dev/null`, a folder, a symbolic link, a socket, a file
/// the user cannot read or one that is not a PDF) is refused with its reason, so printing never
/// destroys a file it could not have made, and never opens a FIFO (which would block).
public struct PDFDestination: Sendable, Equatable {
    /// Why a path is refused as the destination of a PDF.
    public enum Refusal: Sendable, Equatable, CustomStringConvertible {
        case fifo
        case device
        case folder
        case symbolicLink
        case socket
        case unreadable
        case notPDF

        /// What the path is, completing "PATH …".
        public var description: String {
            switch self {
            case .fifo: "is a FIFO (named pipe)"
            case .device: "is a device"
            case .folder: "is a folder"
            case .symbolicLink: "is a symbolic link"
            case .socket: "is a socket"
            case .unreadable: "exists and cannot be read"
            case .notPDF: "exists and is not a PDF"
            }
        }
    }

    /// The path written.
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    /// Why the path may not receive a PDF, or nil when it may (it does not exist, or it is a
    /// readable regular file starting with `%PDF`). Looks at the path itself (`lstat`), never
    /// through a symbolic link, and never opens anything but a regular file.
    public func refusal() -> Refusal? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            // Nothing there (or a folder on the way is missing, which writing creates).
            return errno == ENOENT || errno == ENOTDIR ? nil : .unreadable
        }
        if let refusal = Self.refusal(forType: info.st_mode & S_IFMT) { return refusal }
        // A regular file: read its first bytes without following a link or blocking.
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ELOOP ? .symbolicLink : .unreadable }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else { return .unreadable }
        if let refusal = Self.refusal(forType: opened.st_mode & S_IFMT) { return refusal }
        let magic = Array("%PDF".utf8)
        var head = [UInt8](repeating: 0, count: magic.count)
        var count = 0
        while count < magic.count {
            let wanted = magic.count - count
            let got = head.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, wanted)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return .unreadable }
            if got == 0 { break }
            count += got
        }
        return head == magic ? nil : .notPDF
    }

    /// The refusal for a file type other than a regular file (`st_mode & S_IFMT`).
    static func refusal(forType type: mode_t) -> Refusal? {
        switch type {
        case S_IFREG: nil
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFDIR: .folder
        case S_IFLNK: .symbolicLink
        case S_IFSOCK: .socket
        default: .device
        }
    }

    /// Writes `data` to the destination: into a new file beside it, then renamed over it, after
    /// checking the destination again. Throws the refusal, or the system's error; a failed write
    /// leaves nothing behind.
    public func write(_ data: Data) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).dossier-tmp-\(getpid())-\(UUID().uuidString)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var written = false
        defer { if !written { unlink(temporary.path) } }
        do {
            defer { close(descriptor) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                    offset += count
                }
            }
            guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        if let refusal = refusal() { throw refusal }
        guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        written = true
    }
}

extension PDFDestination.Refusal: Error {}
