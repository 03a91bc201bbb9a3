#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the regular files under a folder with `readdir`: Foundation's enumerator asks for every
/// file's attributes, and a large site has tens of thousands of files.
enum FileTree {
    /// Paths relative to `folder`, sorted; hidden files and folders are skipped when `skipsHidden`.
    /// Symbolic links are followed when `followsLinks` (to 16 levels of folders, so a loop ends); with
    /// `includesFileLinks` alone, links to regular files are listed but links to folders are not followed.
    static func regularFiles(under folder: String, skipsHidden: Bool, followsLinks: Bool = false, includesFileLinks: Bool = false) -> [String] {
        var paths: [String] = []
        collect(folder, prefix: "", skipsHidden: skipsHidden, followsLinks: followsLinks, includesFileLinks: includesFileLinks, depth: 0, into: &paths)
        return paths.sorted()
    }

    private static func collect(_ folder: String, prefix: String, skipsHidden: Bool, followsLinks: Bool, includesFileLinks: Bool, depth: Int,
                                into paths: inout [String]) {
        guard depth < 16 else { return }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || (skipsHidden && name.hasPrefix(".")) { continue }
            let path = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFDIR ? Int32(DT_DIR) : format == S_IFREG ? Int32(DT_REG) : format == S_IFLNK ? Int32(DT_LNK) : type
            }
            if type == Int32(DT_LNK), followsLinks || includesFileLinks {
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFDIR && followsLinks ? Int32(DT_DIR) : format == S_IFREG ? Int32(DT_REG) : type
            }
            if type == Int32(DT_DIR) {
                collect(path, prefix: prefix + name + "/", skipsHidden: skipsHidden, followsLinks: followsLinks, includesFileLinks: includesFileLinks,
                        depth: depth + 1, into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(prefix + name)
            }
        }
    }
}
