import Foundation

extension SiteHistory {
    /// The newest commit that touched `path` on or before `day`, if any.
    func commit(of path: String, onOrBefore day: Day) -> Entry? {
        entries[path]?.first { $0.date <= day }
    }

    /// The bytes of each (commit, site-relative path), read by one `git cat-file --batch` process.
    func contents(of versions: [(commit: String, path: String)]) -> [Data?] {
        guard !versions.isEmpty else { return [] }
        let request = versions.map { "\($0.commit):\(prefix)\($0.path)\n" }.joined()
        guard case .success(let output) = reader.git(["cat-file", "--batch"], input: Data(request.utf8)) else {
            return versions.map { _ in nil }
        }
        var results: [Data?] = []
        var index = output.startIndex
        for _ in versions {
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else { results.append(nil); continue }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            index = output.index(after: newline)
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), output.distance(from: index, to: output.endIndex) >= size else {
                results.append(nil)
                continue
            }
            let end = output.index(index, offsetBy: size)
            results.append(output[index..<end])
            index = min(output.index(after: end), output.endIndex)
        }
        return results
    }
}
