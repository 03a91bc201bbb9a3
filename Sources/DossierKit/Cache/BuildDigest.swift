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
            files += FileTree.regularFiles(under: root.appendingPathComponent(folder).path, skipsHidden: false).map { "\(folder)/\($0)" }
        }
        let digests = files.sorted().parallelMap(jobs: builder.jobs) { path in
            var file = StableHasher()
            file.add(path)
            file.add(FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data("missing".utf8))
            return file.hexDigest
        }
        for digest in digests { hasher.add(digest) }
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

/// A 128-bit hash, stable across runs and machines (Swift's `Hasher` is seeded per process): two
/// multiply-rotate lanes over 8-byte words, so hashing every dossier of a large site stays cheap.
struct StableHasher {
    private var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    mutating func add(_ text: String) {
        add(Data(text.utf8))
        add(Data([0xFF]))
    }

    mutating func add(_ data: Data) {
        length &+= UInt64(data.count)
        data.withUnsafeBytes { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                mix(buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < buffer.count {
                tail |= UInt64(buffer[index]) << shift
                shift += 8
                index += 1
            }
            mix(tail ^ (UInt64(buffer.count) << 56))
        }
    }

    private mutating func mix(_ word: UInt64) {
        first = ((first ^ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(by: 31)
        second = ((second &+ word) &* 0xC4CE_B9FE_1A85_EC53).rotated(by: 27)
    }

    var hexDigest: String {
        var a = first ^ length, b = second ^ (length &* 0x9E37_79B9_7F4A_7C15)
        a = (a ^ (a >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        b = (b ^ (b >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        return [a ^ (a >> 33), b ^ (b >> 32)].map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

private extension UInt64 {
    func rotated(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
