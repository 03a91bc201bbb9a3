import Foundation

/// What git says of a site before its history is read: where the site lies in the repository, the
/// commit checked out and the status of the dossiers. The build cache compares it to know whether the
/// history the reports show may have changed.
struct GitState: Sendable {
    /// The site folder relative to the repository's top, with a trailing slash ("" at the top).
    var prefix: String
    /// `git rev-parse HEAD`; empty in a repository without commits.
    var head: Data
    /// `git status --porcelain -z` of the accounts folder: files edited, staged or new.
    var status: Data

    /// Asks git, or says why there is no history to read.
    static func read(with reader: SiteReader) -> Result<GitState, HistoryUnavailable> {
        guard Git.executable != nil else { return .failure(.gitMissing) }
        guard case .success(let prefix) = reader.git(["rev-parse", "--show-prefix"]) else { return .failure(.notAWorkTree) }
        let head = (try? reader.git(["rev-parse", "HEAD"]).get()) ?? Data()
        let status = (try? reader.git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", DossierFileLoader.accountsFolder]).get()) ?? Data()
        return .success(GitState(prefix: String(decoding: prefix, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), head: head, status: status))
    }
}
