#if os(Linux)
import Foundation
import Glibc

/// Linux's inotify on a site's sources: `content/` and `templates/` with every folder in them, and
/// the settings file. The kernel queues an event when something changes, so an idle server does
/// no work at all (polling 2,000 dossiers four times a second cost about 28% of a core).
///
/// Hidden files and folders (an editor's swap files) and names ending in `~` (backups) are ignored,
/// as the build ignores them. Folders created later are watched as they appear; when a folder moves
/// or the kernel's queue overflows, every watch is set up again. Used by one thread at a time.
final class InotifyWatcher: @unchecked Sendable {
    /// What changed since the last `drain`.
    enum Outcome {
        case nothing
        case changed
        /// The system refused a watch (its limit is reached): fall back to polling.
        case failed
    }

    let descriptor: Int32
    private let siteRoot: String
    private let configFolder: String
    private let configName: String
    private var watches: [Int32: Watch] = [:]

    private struct Watch {
        var path: String
        /// Folders inside are watched too.
        var recursive: Bool
        /// Only events about these names count; nil for all.
        var names: Set<String>?
    }

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
    /// The source folders watched with all their sub-folders.
    private static let sourceFolders = ["content", "templates"]

    /// Nil when inotify is not available or refuses the watches.
    init?(siteRoot: URL, configFile: String) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        self.siteRoot = siteRoot.path
        let config = siteRoot.appendingPathComponent(configFile)
        configFolder = config.deletingLastPathComponent().path
        configName = config.lastPathComponent
        guard descriptor >= 0 else { return nil }
        guard watchEverything() else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Reads every queued event (never blocks) and says whether a source changed.
    func drain() -> Outcome {
        var changed = false
        var needsRescan = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                func field(_ at: Int) -> UInt32 {
                    (0..<4).reduce(UInt32(0)) { $0 | UInt32(buffer[offset + at + $1]) << (8 * UInt32($1)) }
                }
                let wd = Int32(bitPattern: field(0))
                let mask = field(4)
                let length = Int(field(12))
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                switch consider(wd: wd, mask: mask, name: name) {
                case .nothing: break
                case .changed: changed = true
                case .rescan:
                    changed = true
                    needsRescan = true
                case .failed: return .failed
                }
            }
        }
        if needsRescan, !watchEverything() { return .failed }
        return changed ? .changed : .nothing
    }

    private enum EventMeaning { case nothing, changed, rescan, failed }

    private func consider(wd: Int32, mask: UInt32, name: String) -> EventMeaning {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .rescan }
        guard let watch = watches[wd] else { return .nothing }
        if mask & UInt32(IN_IGNORED) != 0 {
            watches.removeValue(forKey: wd)
            return .nothing
        }
        if mask & UInt32(IN_MOVE_SELF) != 0 { return .rescan }
        guard !name.isEmpty else { return .changed }
        if let names = watch.names, !names.contains(name) { return .nothing }
        if name.hasPrefix(".") || name.hasSuffix("~") { return .nothing }
        let isNewFolder = mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        if isNewFolder, watch.recursive || (watch.path == siteRoot && Self.sourceFolders.contains(name)) {
            // Files may have landed in it before the watch: the rebuild that follows reads them.
            guard watchTree(watch.path + "/" + name, depth: 0) else { return .failed }
        }
        return .changed
    }

    /// (Re)creates every watch; false when the system refuses one for a reason other than a
    /// missing folder.
    private func watchEverything() -> Bool {
        for wd in watches.keys { inotify_rm_watch(descriptor, wd) }
        watches = [:]
        guard watch(siteRoot, recursive: false, names: Set(Self.sourceFolders)) else { return false }
        guard watch(configFolder, recursive: false, names: [configName]) || errno == ENOENT || errno == ENOTDIR else { return false }
        for folder in Self.sourceFolders {
            guard watchTree(siteRoot + "/" + folder, depth: 0) else { return false }
        }
        return true
    }

    /// Watches `path` and every folder in it (16 levels at most, as the build reads); true when
    /// done or when `path` is not a folder.
    private func watchTree(_ path: String, depth: Int) -> Bool {
        guard depth < 16 else { return true }
        let known = watches.values.contains { $0.path == path && $0.recursive }
        guard !known else { return true }
        guard watch(path, recursive: true, names: nil) else { return errno == ENOENT || errno == ENOTDIR }
        guard let directory = opendir(path) else { return true }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let child = path + "/" + name
            var info = stat()
            guard stat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            guard watchTree(child, depth: depth + 1) else { return false }
        }
        return true
    }

    /// Adds one watch, merging with an existing watch of the same folder; false with `errno` set
    /// when the system refuses it.
    private func watch(_ path: String, recursive: Bool, names: Set<String>?) -> Bool {
        let wd = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return false }
        if var existing = watches[wd] {
            existing.recursive = existing.recursive || recursive
            existing.names = existing.names.flatMap { old in names.map { old.union($0) } }
            watches[wd] = existing
        } else {
            watches[wd] = Watch(path: path, recursive: recursive, names: names)
        }
        return true
    }
}
#endif
