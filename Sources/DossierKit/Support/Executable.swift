import Foundation

/// Finds command-line tools the way a shell does.
enum Executable {
    /// The first of `names` found in the folders of `searchPath` (a PATH value).
    static func find(_ names: [String], in searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") -> URL? {
        for name in names {
            for folder in searchPath.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}
