import Foundation

/// The dossier files of a site as listed at the start of a build: each usable file's path, slug and
/// stamp, and a diagnostic for each file refused (a bad or duplicate slug, a link out of the site).
/// Files are read later, and only those a build needs (`read(_:with:)`).
struct DossierListing: Sendable {
    /// A dossier file that may be read.
    struct Entry: Sendable {
        /// Path relative to the site root, with `/` separators.
        var path: String
        /// The file name without `.md`.
        var slug: String
        /// The file's stamp when listed; nil when it vanished meanwhile.
        var stamp: FileStamp?
    }

    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []
    /// Every dossier file found, including those refused.
    var found = 0

    /// Lists every `*.md` file under the accounts folder, hidden ones skipped, in path order.
    static func list(with reader: SiteReader) -> DossierListing {
        let siteRoot = reader.siteRoot
        let folder = DossierFileLoader.accountsFolder
        let paths = reader.files(under: folder, skipsHidden: true, includesFileLinks: true)
            .filter { $0.lowercased().hasSuffix(".md") }
            .map { "\(folder)/\($0)" }
        var listing = DossierListing(found: paths.count)
        var pathBySlug: [String: String] = [:]
        let isFolderLinked = SiteFile.isLink(siteRoot.path + "/content") || SiteFile.isLink(siteRoot.path + "/" + folder)
        for path in paths {
            let slug = String(path.split(separator: "/").last?.dropLast(3) ?? "")  // drops ".md" in any case
            let location = SourceLocation(path: path)
            guard Slug.isValid(slug) else {
                listing.diagnostics.append(Diagnostic(.error, .badSlug(slug), at: location, in: .load))
                continue
            }
            if let other = pathBySlug[slug] {
                listing.diagnostics.append(Diagnostic(.error, .duplicateSlug(slug: slug, otherPath: other), at: location, in: .load))
                continue
            }
            pathBySlug[slug] = path
            let fullPath = siteRoot.path + "/" + path
            // Only links are resolved, so a site without them costs one `lstat` per file.
            if isFolderLinked || SiteFile.isLink(fullPath), let problem = SiteFile.linkProblem(at: fullPath, in: siteRoot) {
                listing.diagnostics.append(Diagnostic(.error, problem, at: location, in: .load))
                continue
            }
            listing.entries.append(Entry(path: path, slug: slug, stamp: FileStamp(path: fullPath)))
        }
        if paths.isEmpty {
            listing.diagnostics.append(DossierFileLoader.notASite(siteRoot)
                ?? Diagnostic(.warning, .noDossiers, at: SourceLocation(path: folder), in: .load))
        }
        return listing
    }

    /// Reads the file of `entry`.
    static func read(_ entry: Entry, with reader: SiteReader) -> Result<SourceFile, Diagnostic> {
        do {
            var file = SourceFile(path: entry.path, slug: entry.slug, bytes: try reader.bytes(of: entry.path))
            file.stamp = entry.stamp
            return .success(file)
        } catch {
            return .failure(Diagnostic(.error, .unreadable(reason: error.localizedDescription), at: SourceLocation(path: entry.path), in: .load))
        }
    }
}
