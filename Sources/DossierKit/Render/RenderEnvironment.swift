/// What every page context is built from besides the accounts: settings, the day, the words, the links.
struct RenderEnvironment: Sendable {
    var config: SiteConfig
    var asOf: Day
    var strings: Strings
    var links: SiteLinks

    var format: Format { Format(strings) }
}
