extension MarkdownRenderer {
    /// The renderer a site's settings ask for: raw HTML only when allowed, and private sections marked
    /// with the strings' label for an audience that sees them, left out for the others.
    init(config: SiteConfig, strings: Strings) {
        let privateSections: PrivateSections = config.audience.showsPrivate ? .shown(label: strings["private_label"]) : .removed
        self.init(isUnsafeHTMLAllowed: config.isUnsafeHTMLAllowed, privateSections: privateSections)
    }
}
