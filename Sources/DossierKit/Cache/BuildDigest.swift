import Foundation

/// A content hash of everything a build reads, so a rebuild with nothing changed can stop at once.
///
/// It covers the bytes of every file under `content/` and `templates/`, the settings file, the as-of
/// day and the build's options, the `dossier` binary itself (size and time), and, when history is
/// read, git's `HEAD` and status. Any difference, or a missing or foreign cache file, means a full build.
struct BuildDigest: Sendable, Equatable {
    /// Where the digest of the last successful build is kept, relative to the site root.
    static let cacheFolder = ".dossier-cache"
    static let fileName = "build-digest"

    let value: String

    static func compute(for builder: SiteBuilder) -> BuildDigest {
        var hasher = StableHasher()
        hasher.add("dossier-build-digest-1")
        hasher.add("asOf=\(builder.asOf) since=\(builder.since?.description ?? "-") history=\(builder.readsHistory) config=\(builder.configFile)")
        hasher.add("output=\(builder.output.standardizedFileURL.path)")
        if let executable = Bundle.main.executablePath,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            hasher.add("binary=\((attributes[.size] as? NSNumber)?.intValue ?? 0)/\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        let root = builder.siteRoot
        var files = [builder.configFile]
        for folder in ["content", "templates"] {
            let url = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files.append(folder + String(file.standardizedFileURL.path.dropFirst(url.standardizedFileURL.path.count)))
            }
        }
        for path in files.sorted() {
            hasher.add(path)
            hasher.add(FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data("missing".utf8))
        }
        if builder.readsHistory {
            let git = Git(folder: root)
            for arguments in [["rev-parse", "HEAD"], ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "content"]] {
                if case .success(let output) = git.run(arguments) { hasher.add(output) } else { hasher.add("no-git") }
            }
        }
        return BuildDigest(value: hasher.hexDigest)
    }

    /// The digest stored by the last successful build of this site, if any.
    static func stored(in siteRoot: URL) -> BuildDigest? {
        let url = siteRoot.appendingPathComponent(cacheFolder).appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.count == 32, value.allSatisfy(\.isHexDigit) else { return nil }
        return BuildDigest(value: value)
    }

    /// Keeps this digest for the next build; a failure only costs the next build its shortcut.
    func store(in siteRoot: URL) {
        let folder = siteRoot.appendingPathComponent(Self.cacheFolder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data((value + "\n").utf8).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// Forgets the stored digest, so the next build is a full one.
    static func forget(in siteRoot: URL) {
        try? FileManager.default.removeItem(at: siteRoot.appendingPathComponent(cacheFolder).appendingPathComponent(fileName))
    }
}

/// Two 64-bit FNV-1a hashes over the same bytes with different seeds: 128 bits, stable across runs and
/// machines (Swift's `Hasher` is seeded per process).
struct StableHasher {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String) {
        add(Data(text.utf8))
        add(Data([0]))
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
    }

    var hexDigest: String {
        [first, second].map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
