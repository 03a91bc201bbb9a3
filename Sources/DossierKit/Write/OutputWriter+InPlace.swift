import Foundation

/// Updating an output folder in place, for incremental builds.
extension OutputWriter {
    /// Makes and writes `pages` into the output folder itself, touching only the files that change.
    ///
    /// For a build after a small edit, swapping in a fresh folder would mean linking every file of a
    /// large site again. Here each changed file is replaced atomically (written beside and renamed),
    /// so no file is ever half-written. The marker lists the old and new files while pages are
    /// replaced, so an interrupted update leaves no file the next build would not own; that build,
    /// finding no cache, rebuilds the whole site through a fresh folder. Falls back to `write` when
    /// the output has no marker listing or a new page would replace a file dossier did not make.
    func update(_ pages: [PageJob], previous: [String: BuildCache.Page], jobs: Int = 1)
        -> Result<(summary: Summary, pages: [String: BuildCache.Page]), Diagnostic> {
        if let problem = validate() { return .failure(problem) }
        let manager = FileManager.default
        guard let listed = markerListing() else { return write(pages, previous: previous, jobs: jobs) }
        let made = Set(listed)
        let paths = pages.map(\.path)
        let isClashing = paths.contains { !made.contains($0) && manager.fileExists(atPath: output.appendingPathComponent($0).path) }
        if isClashing { return write(pages, previous: previous, jobs: jobs) }
        let marker = output.appendingPathComponent(Self.markerName)
        do {
            try Data(Self.markerText(listing: Array(made.union(paths))).utf8).write(to: marker, options: .atomic)
            let folders = Set(paths.filter { !made.contains($0) }.map { ($0 as NSString).deletingLastPathComponent })
            for folder in folders.sorted() where !folder.isEmpty {
                try manager.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let output = self.output
            let outcomes = pages.parallelMap(jobs: jobs) { page in
                Self.replace(page, in: output, isOurs: made.contains(page.path), previous: previous[page.path])
            }
            var (summary, records) = try Self.tally(pages, outcomes)
            let gone = made.subtracting(paths)
            for path in gone.sorted() where FileStamp(path: output.path + "/" + path) != nil {
                let url = output.appendingPathComponent(path)
                try? manager.removeItem(at: url)
                removeEmptyFolders(above: url)
            }
            summary.removed = gone.count
            try Data(Self.markerText(listing: paths).utf8).write(to: marker, options: .atomic)
            return .success((summary, records))
        } catch {
            return .failure(failure(.writeFailed(path: displayPath, reason: error.localizedDescription)))
        }
    }

    /// Leaves a page's file as it is when it is still right, else makes the page and replaces the
    /// file atomically when its bytes changed.
    private static func replace(_ page: PageJob, in output: URL, isOurs: Bool, previous: BuildCache.Page?) -> Result<Placement, Error> {
        if isOurs, let previous, previous.canBeKept(atPath: output.path + "/" + page.path, forKey: page.key) {
            return .success(Placement(stamp: previous.stamp, isWritten: false, isRendered: false))
        }
        let url = output.appendingPathComponent(page.path)
        do {
            let data = Data(page.make().utf8)
            if isOurs, (try? Data(contentsOf: url)) == data {
                return .success(Placement(stamp: FileStamp(path: url.path), isWritten: false, isRendered: true))
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            return .success(Placement(stamp: FileStamp(path: url.path), isWritten: true, isRendered: true))
        } catch {
            return .failure(error)
        }
    }

    /// Removes the folders between `file` and the output that a removal left empty.
    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.hasPrefix(output.path + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty) == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
