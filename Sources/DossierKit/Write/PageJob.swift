/// One file of the site to write: where it goes, a key for everything it is made from, and how to make it.
///
/// Making a page is deferred to the write stage, which renders pages on all cores and writes each as
/// soon as it is made, and skips rendering when the key shows the previous build's file is still right.
struct PageJob: Sendable {
    /// Path relative to the output folder, with `/` separators, e.g. `accounts/nordwind/index.html`.
    var path: String
    /// A hash of everything the page is made from: equal keys mean equal bytes.
    var key: String
    var make: @Sendable () -> String
    /// The file the previous build made for this page is still right (same key, not touched since):
    /// the writer keeps it instead of making the page.
    var isUnchanged = false
}
