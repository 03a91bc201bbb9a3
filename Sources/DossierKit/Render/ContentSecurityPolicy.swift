/// The Content-Security-Policy every page carries in a `<meta http-equiv>` (and the referrer policy beside it).
///
/// Everything a page loads comes from the site itself (`'self'`, which in Chromium also covers
/// `file://` pages and a same-origin WebSocket): its stylesheets, the search's scripts, the preview
/// server's live-reload script. Images may also be `data:` URLs. There is no inline script or style
/// anywhere in the theme (charts use presentation attributes, never `style=`), so none is allowed,
/// and a body's `![p](http://host/pixel.png)` is not fetched: opening a page or printing a brief
/// tells no one that it was read. A site that wants remote images sets `remote_images: true` in
/// `dossier.yml`, which adds `https:` to the image sources (never plain `http:`).
public struct ContentSecurityPolicy: Sendable, Equatable {
    /// Whether images may come from any `https:` address.
    public var allowsRemoteImages: Bool

    public init(allowsRemoteImages: Bool = false) {
        self.allowsRemoteImages = allowsRemoteImages
    }

    /// The policy for the site's settings.
    public init(_ config: SiteConfig) {
        self.init(allowsRemoteImages: config.allowsRemoteImages)
    }

    /// The policy's text, for `<meta http-equiv="Content-Security-Policy" content="…">`.
    public var text: String {
        let images = allowsRemoteImages ? "'self' data: https:" : "'self' data:"
        return "default-src 'self'; img-src \(images); object-src 'none'; base-uri 'none'; form-action 'self'"
    }

    /// The two `<meta>` elements a page's `<head>` starts with (the policy and `referrer: no-referrer`),
    /// for pages the theme does not render (the printer's combined briefs).
    public var metaElements: String {
        """
        <meta http-equiv="Content-Security-Policy" content="\(text.replacingOccurrences(of: "'", with: "&#39;"))">
        <meta name="referrer" content="no-referrer">
        """
    }
}
