import Foundation

/// The one door through which a build reads a site: its files, the listing of a folder and git.
///
/// Every read goes through here so that a test can count them (`onAccess`): a build reads each input
/// once (`SiteInputs`), and no stage after that reads the site at all. Stamps (`stat`) are not reads.
public struct SiteReader: Sendable {
    /// One read of the site.
    public enum Access: Sendable, Hashable {
        /// A file's bytes, by site-relative path.
        case file(String)
        /// The listing of a folder and everything under it, by site-relative path.
        case listing(String)
        /// A run of git, by its arguments.
        case git([String])
    }

    public var siteRoot: URL
    /// Told of every read, on the thread that makes it; nil in normal runs.
    public var onAccess: (@Sendable (Access) -> Void)?

    public init(siteRoot: URL, onAccess: (@Sendable (Access) -> Void)? = nil) {
        self.siteRoot = siteRoot
        self.onAccess = onAccess
    }

    /// The file at `relativePath` when it lies inside the site (`SiteFile`).
    func read(_ relativePath: String) -> SiteFile.Outcome {
        onAccess?(.file(relativePath))
        return SiteFile.read(relativePath, in: siteRoot)
    }

    /// The bytes of the file at `relativePath`, already known to lie inside the site.
    func bytes(of relativePath: String) throws -> [UInt8] {
        onAccess?(.file(relativePath))
        return [UInt8](try Data(contentsOf: siteRoot.appendingPathComponent(relativePath)))
    }

    /// Site-relative paths of the regular files under `folder` (`FileTree`), relative to that folder.
    func files(under folder: String, skipsHidden: Bool, followsLinks: Bool = false, includesFileLinks: Bool = false,
               staysInSite: Bool = false) -> [String] {
        onAccess?(.listing(folder))
        return FileTree.regularFiles(under: siteRoot.appendingPathComponent(folder).path, skipsHidden: skipsHidden, followsLinks: followsLinks,
                                     includesFileLinks: includesFileLinks, staysIn: staysInSite ? siteRoot : nil)
    }

    /// The names in `folder` itself, hidden ones included; none when it is not a folder.
    func names(in folder: String) -> [String] {
        onAccess?(.listing(folder + "/"))
        return ((try? FileManager.default.contentsOfDirectory(atPath: siteRoot.appendingPathComponent(folder).path)) ?? []).sorted()
    }

    /// Runs git in the site folder; `input` is written to its standard input.
    func git(_ arguments: [String], input: Data? = nil) -> Result<Data, Git.Failure> {
        onAccess?(.git(arguments))
        return Git(folder: siteRoot).run(arguments, input: input)
    }
}
