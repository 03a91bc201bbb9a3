#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output folder holds, seen without following any symbolic link.
///
/// The scan uses `lstat` semantics (the `d_type` of each entry, or `lstat` when the file system does
/// not give it) and never descends into a link, so every path in `files` reaches its file through
/// real folders only. The writer reads and links old files only through these paths: a link inside
/// the output (`output/tags -> /elsewhere`) is never read, written or removed through.
struct OutputTree: Sendable {
    /// Regular files, by path relative to the output.
    var files: Set<String> = []
    /// Symbolic links, by path relative to the output, with what they point to.
    var links: [String: String] = [:]

    /// Scans the folder at `path`; an empty tree when there is none.
    init(scanning path: String) {
        collect(path, prefix: "", depth: 0)
    }

    private mutating func collect(_ folder: String, prefix: String, depth: Int) {
        guard depth < 64, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: continue
                }
            }
            if type == Int32(DT_DIR) {
                collect(path, prefix: prefix + name + "/", depth: depth + 1)
            } else if type == Int32(DT_REG) {
                files.insert(prefix + name)
            } else if type == Int32(DT_LNK) {
                links[prefix + name] = Self.target(of: path)
            }
        }
    }

    /// What the link at `path` points to, as written in it.
    static func target(of path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The kind of file at `path` itself (a link is not followed), or nil when there is none.
    static func kind(at path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
