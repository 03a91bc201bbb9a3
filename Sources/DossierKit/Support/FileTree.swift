import Foundation
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
    /// With `siteRoot`, a link that leads out of the site (`SiteFile`) is neither followed nor listed,
    /// so a link to `/` in `templates/` never walks the whole disk.
    static func regularFiles(under folder: String, skipsHidden: Bool, followsLinks: Bool = false, includesFileLinks: Bool = false,
                             staysIn siteRoot: URL? = nil) -> [String] {
        var paths: [String] = []
        var visited: Set<FolderIdentity> = []
        let options = Options(skipsHidden: skipsHidden, followsLinks: followsLinks, includesFileLinks: includesFileLinks, siteRoot: siteRoot)
        collect(folder, prefix: "", options: options, depth: 0, visited: &visited, into: &paths)
        return paths.sorted()
    }

    /// A folder by device and inode: one reached again through a link is not listed again, so links
    /// that point back up the tree cost one listing each, not one per path to them.
    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private struct Options {
        var skipsHidden: Bool
        var followsLinks: Bool
        var includesFileLinks: Bool
        var siteRoot: URL?
    }

    private static func collect(_ folder: String, prefix: String, options: Options, depth: Int,
                                visited: inout Set<FolderIdentity>, into paths: inout [String]) {
        guard depth < 16 else { return }
        if options.followsLinks {
            var info = stat()
            guard stat(folder, &info) == 0,
                  visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        }
        guard let directory = opendir(folder) else { return }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || (options.skipsHidden && name.hasPrefix(".")) { continue }
            entries.append((name, Int32(entry.pointee.d_type)))
        }
        closedir(directory)
        // In name order, so which path reaches a folder first (see `FolderIdentity`) is the same on every disk.
        for (name, entryType) in entries.sorted(by: { $0.name < $1.name }) {
            let path = folder + "/" + name
            var type = entryType
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFDIR ? Int32(DT_DIR) : format == S_IFREG ? Int32(DT_REG) : format == S_IFLNK ? Int32(DT_LNK) : type
            }
            if type == Int32(DT_LNK), options.followsLinks || options.includesFileLinks {
                if let root = options.siteRoot, SiteFile.linkProblem(at: path, in: root) != nil { continue }
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFDIR && options.followsLinks ? Int32(DT_DIR) : format == S_IFREG ? Int32(DT_REG) : type
            }
            if type == Int32(DT_DIR) {
                collect(path, prefix: prefix + name + "/", options: options, depth: depth + 1, visited: &visited, into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(prefix + name)
            }
        }
    }
}
