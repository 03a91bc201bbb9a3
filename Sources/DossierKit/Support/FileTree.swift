#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the regular files under a folder with `readdir`: Foundation's enumerator asks for every
/// file's attributes, and a large site has tens of thousands of files.
enum FileTree {
    /// Paths relative to `folder`, sorted; hidden files and folders are skipped when `skipsHidden`.
    /// Symbolic links are followed when `followsLinks` (to 16 levels of folders, so a loop ends).
    static func regularFiles(under folder: String, skipsHidden: Bool, followsLinks: Bool = false) -> [String] {
        var paths: [String] = []
        collect(folder, prefix: "", skipsHidden: skipsHidden, followsLinks: followsLinks, depth: 0, into: &paths)
        return paths.sorted()
    }

    private static func collect(_ folder: String, prefix: String, skipsHidden: Bool, followsLinks: Bool, depth: Int,
                                into paths: inout [String]) {
        guard depth < 16 else { return }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || (skipsHidden && name.hasPrefix(".")) { continue }
            let path = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || (followsLinks && type == Int32(DT_LNK)) {
                var info = stat()
                guard (followsLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : type
            }
            if type == Int32(DT_DIR) {
                collect(path, prefix: prefix + name + "/", skipsHidden: skipsHidden, followsLinks: followsLinks, depth: depth + 1, into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(prefix + name)
            }
        }
    }
}
