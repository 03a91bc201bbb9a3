#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file, enough to see that it changed without reading it: size, modification
/// time to the nanosecond, and inode (a file replaced by another has a new one).
struct FileStamp: Sendable, Equatable, Codable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64

    /// The stamp of the regular file at `path`; nil when there is none. With `followsLinks` false a
    /// symbolic link at `path` is not followed and gives no stamp (`lstat`).
    init?(path: String, followsLinks: Bool = true) {
        var info = stat()
        guard (followsLinks ? stat(path, &info) : lstat(path, &info)) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(info.st_size)
        #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec)
        nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }

    init(size: Int, seconds: Int, nanoseconds: Int, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }
}
