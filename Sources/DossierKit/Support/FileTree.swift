import Foundation

/// Lists the regular files under a folder by path strings: URL resource values are slow on Linux,
/// and a large site has tens of thousands of files.
enum FileTree {
    /// Paths relative to `folder`, sorted; hidden files and folders are skipped when `skipsHidden`.
    static func regularFiles(under folder: String, skipsHidden: Bool) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if skipsHidden, (path as NSString).lastPathComponent.hasPrefix(".") {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular { paths.append(path) }
        }
        return paths.sorted()
    }
}
