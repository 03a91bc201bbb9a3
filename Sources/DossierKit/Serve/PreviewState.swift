import Foundation

/// The outcome of the latest build, read by every connection's thread.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var latestFailure: String?

    /// The diagnostics of the latest build when it failed, else nil.
    var failure: String? { lock.withLock { latestFailure } }

    func record(_ report: BuildReport) {
        let failure = report.hasErrors ? DiagnosticReport.text(report.problems, summary: report.summary) : nil
        lock.withLock { latestFailure = failure }
    }
}
