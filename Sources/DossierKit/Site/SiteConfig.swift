import Foundation
import Yams

/// The site's settings from the optional `dossier.yml` at the site root.
public struct SiteConfig: Sendable, Equatable {
    /// The file name of the settings file.
    public static let fileName = "dossier.yml"

    public var title = "Key accounts"
    /// The supplier the research is written for ("we").
    public var company: String?
    public var language = "en"
    /// ISO 4217 code used when a dossier names none.
    public var currency = "EUR"
    public var staleAfterDays = 90
    /// Lets raw HTML and any link through cmark. Dangerous: only for sites whose every author is trusted.
    public var isUnsafeHTMLAllowed = false
    /// Lets pages load images from any `https:` address (`remote_images: true`); by default a page loads
    /// only what the site itself holds (see ``ContentSecurityPolicy``).
    public var allowsRemoteImages = false
    public var maxDossierBytes = 10 * 1024 * 1024
    /// Health rules switched off or with changed thresholds.
    public var rules = RuleSettings()
    /// Positive health signals switched off or with changed thresholds (`signals:`).
    public var signals = RuleSettings()
    /// Where the portfolio matrix splits high from low on its 1-5 scales (scores from it up are high).
    public var matrixSplit = 3.0
    /// Value of one unit of a currency in the site's currency, to add up wallets across currencies.
    public var exchangeRates: [String: Double] = [:]
    /// The supplier's portfolio (`offerings:`), in the order every grid shows it; when set, the offerings
    /// dossiers name are checked against it.
    public var offerings: [String] = []
    /// The address the built site is published at (`base_url:`), ending in `/`: calendar feeds need it for
    /// absolute links to reports and briefs, and pages show the feeds' addresses to subscribe to. Pages
    /// themselves keep relative links. Nil when the settings give none.
    public var baseURL: String?
    /// Who builds can be for (`audiences:`), in the order written; see `Audience`.
    public var audiences = Audience.builtin
    /// The audience of a build without `--audience`; nil leaves private parts out.
    public var defaultAudience: String? = Audience.builtinDefault
    /// The audience this run builds for, chosen by `selectAudience(_:)`: private parts left out until then.
    public internal(set) var audience = Audience.unnamedDefault

    public init() {}

    /// The settings' keys, from `shape` (SiteConfig+Shape.swift).
    static let knownKeys = shape.keys(at: "")
    static let languages = Strings.languages
}

extension SiteConfig {
    /// Reads the settings file (`dossier.yml`, or another named with `--config`) in `siteRoot`.
    ///
    /// A missing `dossier.yml` gives the defaults; a missing file named on purpose is an error, and so is
    /// a file reached through a link out of the site (`SiteFile`).
    public static func load(from siteRoot: URL, file: String = fileName) -> (SiteConfig, [Diagnostic]) {
        load(SiteFile.read(file, in: siteRoot), file: file)
    }

    /// The settings from what reading `file` gave.
    static func load(_ outcome: SiteFile.Outcome, file: String) -> (SiteConfig, [Diagnostic]) {
        let location = SourceLocation(path: file)
        switch outcome {
        case .bytes(let bytes):
            return parse(SourceFile(path: file, slug: "", bytes: bytes))
        case .missing:
            guard file != fileName else { return (SiteConfig(), []) }
            let reason = file.hasPrefix("/")
                ? "no such settings file in the site folder (--config names a file relative to the site; copy the file into the site)"
                : "no such settings file"
            return (SiteConfig(), [Diagnostic(.error, .unreadable(reason: reason), at: location, in: .load)])
        case .refused(let problem):
            return (SiteConfig(), [Diagnostic(.error, problem, at: location, in: .load)])
        }
    }

    /// Parses the settings file's bytes, reporting problems with their positions.
    static func parse(_ file: SourceFile) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let text: String
        switch decodeText(of: file, limit: 1024 * 1024) {
        case .success(let value): text = value
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        let document = FrontMatter(yaml: text, yamlLine: 1, body: "", bodyLine: 1)
        let (root, yamlDiagnostics) = YAMLComposer.compose(document, path: file.path)
        guard yamlDiagnostics.isEmpty else { return (config, yamlDiagnostics) }
        var reader = NodeReader(path: file.path, yamlLine: 1, yaml: text)
        if let root, !reader.isNull(root), root.mapping == nil {
            reader.report(.settingsNotAMapping, at: root)
            return (config, reader.diagnostics)
        }
        if let root { reader.reportControlCharacters(in: root, at: nil) }
        guard let fields = reader.fields(of: root, at: nil, known: knownKeys) else { return (config, reader.diagnostics) }
        if let title = reader.text(fields["title"], at: "title") { config.title = title }
        config.company = reader.text(fields["company"], at: "company")
        if let language = reader.text(fields["language"], at: "language") {
            if languages.contains(language) {
                config.language = language
            } else {
                reader.report(.unknownValue(key: "language", value: language, allowed: languages), at: fields["language"])
            }
        }
        if let currency = reader.currency(fields["currency"], at: "currency") { config.currency = currency }
        if let days = reader.integer(fields["stale_after_days"], at: "stale_after_days", in: 1...3650) {
            config.staleAfterDays = days
        }
        if let node = fields["unsafe_html"] {
            if let flag = node.bool, tagName(node) == .bool {
                config.isUnsafeHTMLAllowed = flag
            } else {
                reader.report(.wrongType(key: "unsafe_html", expected: "true or false", found: reader.describe(node)), at: node)
            }
        }
        if let node = fields["remote_images"] {
            if let flag = node.bool, tagName(node) == .bool {
                config.allowsRemoteImages = flag
            } else {
                reader.report(.wrongType(key: "remote_images", expected: "true or false", found: reader.describe(node)), at: node)
            }
        }
        if let limit = reader.integer(fields["max_dossier_bytes"], at: "max_dossier_bytes", in: 1024...1_073_741_824) {
            config.maxDossierBytes = limit
        }
        config.rules = RuleSettings.decode(fields["rules"], reader: &reader)
        config.signals = RuleSettings.decodeSignals(fields["signals"], reader: &reader)
        if let split = reader.number(fields["matrix_split"], at: "matrix_split") {
            if (1...5).contains(split) {
                config.matrixSplit = split
            } else {
                reader.report(.outOfRange(key: "matrix_split", value: String(split), expected: "a number from 1 to 5"), at: fields["matrix_split"])
            }
        }
        config.exchangeRates = decodeExchangeRates(fields["exchange_rates"], reader: &reader)
        config.offerings = decodeOfferings(fields["offerings"], reader: &reader)
        config.baseURL = decodeBaseURL(fields["base_url"], reader: &reader)
        decodeAudiences(fields, reader: &reader, into: &config)
        return (config, reader.diagnostics)
    }

    /// The largest exchange rate: one unit worth a million of the site's currency keeps sums of amounts finite.
    static let maxExchangeRate = 1e6

    /// `exchange_rates: {USD: 0.92, GBP: 1.17}`: currency codes to positive numbers up to a million.
    private static func decodeExchangeRates(_ node: Node?, reader: inout NodeReader) -> [String: Double] {
        guard let node, !reader.isNull(node) else { return [:] }
        guard case .mapping(let mapping) = node else {
            reader.report(.notAMapping(key: "exchange_rates", found: reader.describe(node)), at: node)
            return [:]
        }
        var rates: [String: Double] = [:]
        for (key, value) in mapping {
            guard let code = reader.currency(key, at: "exchange_rates"), let rate = reader.number(value, at: "exchange_rates.\(code)") else { continue }
            guard rate > 0, rate <= maxExchangeRate else {
                reader.report(.outOfRange(key: "exchange_rates.\(code)", value: reader.describe(value: value), expected: "a positive number up to 1,000,000"), at: value)
                continue
            }
            rates[code] = rate
        }
        return rates
    }

    /// `offerings: [WMS, AMR]`: texts; one written twice counts once.
    private static func decodeOfferings(_ node: Node?, reader: inout NodeReader) -> [String] {
        var offerings: [String] = []
        for offering in reader.textList(node, at: "offerings") where !offerings.contains(offering) {
            offerings.append(offering)
        }
        return offerings
    }

    /// `base_url: https://kam.example.com/accounts/`: an `http:` or `https:` address with a host, in
    /// printable ASCII (percent-encode anything else), without a query or a fragment; a `/` is added
    /// at the end when missing.
    private static func decodeBaseURL(_ node: Node?, reader: inout NodeReader) -> String? {
        guard let node, let text = reader.text(node, at: "base_url") else { return nil }
        let forbidden = Set("\"<>\\^`{|}?#".unicodeScalars)
        let isPrintableASCII = text.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !forbidden.contains($0) }
        let lowered = text.lowercased()
        let scheme = ["https://", "http://"].first { lowered.hasPrefix($0) }
        let rest = scheme.map { text.dropFirst($0.count) } ?? ""
        let host = rest.prefix { $0 != "/" }
        guard isPrintableASCII, scheme != nil, !host.isEmpty, !host.contains("@") else {
            reader.report(.wrongType(key: "base_url", expected: "the http:// or https:// address the site is published at, such as https://kam.example.com/accounts/ (printable ASCII, no query or fragment)",
                                     found: reader.describe(node)), at: node)
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// `amount` in `currency` expressed in the site's currency, when a rate is known.
    func inSiteCurrency(_ amount: Double, from currency: String?) -> Double? {
        guard let currency, currency != self.currency else { return amount }
        return exchangeRates[currency].map { amount * $0 }
    }
}
