import Foundation

/// Notices edits to a site's sources by comparing a fingerprint of their paths, sizes and times.
///
/// Polling is portable and cheap for research sites (a few thousand files); it needs no inotify.
struct SiteWatcher: Sendable {
    var siteRoot: URL
    var configFile: String

    /// The folders and files whose changes trigger a rebuild.
    private var watched: [URL] {
        ["content", "templates", configFile].map { siteRoot.appendingPathComponent($0) }
    }

    /// One string that changes when any watched file is added, removed or modified.
    func fingerprint() -> String {
        var parts: [String] = []
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for root in watched {
            var urls = [root]
            if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) {
                urls += enumerator.compactMap { $0 as? URL }
            }
            for url in urls {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let time = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                parts.append("\(url.path)|\(values.fileSize ?? 0)|\(time)")
            }
        }
        return parts.sorted().joined(separator: "\n")
    }
}
