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
    public var maxDossierBytes = 10 * 1024 * 1024
    /// Health rules switched off or with changed thresholds.
    public var rules = RuleSettings()
    /// Where the portfolio matrix splits high from low on its 1-5 scales (scores from it up are high).
    public var matrixSplit = 3.0
    /// Value of one unit of a currency in the site's currency, to add up wallets across currencies.
    public var exchangeRates: [String: Double] = [:]

    public init() {}

    static let knownKeys = ["title", "company", "language", "currency", "stale_after_days", "unsafe_html", "max_dossier_bytes", "rules", "matrix_split", "exchange_rates"]
    static let languages = Strings.languages
}

extension SiteConfig {
    /// Reads the settings file (`dossier.yml`, or another named with `--config`) in `siteRoot`.
    ///
    /// A missing `dossier.yml` gives the defaults; a missing file named on purpose is an error.
    public static func load(from siteRoot: URL, file: String = fileName) -> (SiteConfig, [Diagnostic]) {
        let url = siteRoot.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard file != fileName else { return (SiteConfig(), []) }
            let location = SourceLocation(path: file)
            return (SiteConfig(), [Diagnostic(.error, .unreadable(reason: "no such settings file"), at: location, in: .load)])
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            let location = SourceLocation(path: file)
            return (SiteConfig(), [Diagnostic(.error, .unreadable(reason: error.localizedDescription), at: location, in: .load)])
        }
        return parse(SourceFile(path: file, slug: "", bytes: bytes))
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
        if let limit = reader.integer(fields["max_dossier_bytes"], at: "max_dossier_bytes", in: 1024...1_073_741_824) {
            config.maxDossierBytes = limit
        }
        config.rules = RuleSettings.decode(fields["rules"], reader: &reader)
        if let split = reader.number(fields["matrix_split"], at: "matrix_split") {
            if (1...5).contains(split) {
                config.matrixSplit = split
            } else {
                reader.report(.outOfRange(key: "matrix_split", value: String(split), expected: "a number from 1 to 5"), at: fields["matrix_split"])
            }
        }
        config.exchangeRates = decodeExchangeRates(fields["exchange_rates"], reader: &reader)
        return (config, reader.diagnostics)
    }

    /// `exchange_rates: {USD: 0.92, GBP: 1.17}`: currency codes to positive numbers.
    private static func decodeExchangeRates(_ node: Node?, reader: inout NodeReader) -> [String: Double] {
        guard let node, !reader.isNull(node) else { return [:] }
        guard case .mapping(let mapping) = node else {
            reader.report(.notAMapping(key: "exchange_rates", found: reader.describe(node)), at: node)
            return [:]
        }
        var rates: [String: Double] = [:]
        for (key, value) in mapping {
            guard let code = reader.currency(key, at: "exchange_rates"), let rate = reader.number(value, at: "exchange_rates.\(code)") else { continue }
            guard rate > 0 else {
                reader.report(.outOfRange(key: "exchange_rates.\(code)", value: String(rate), expected: "a positive number"), at: value)
                continue
            }
            rates[code] = rate
        }
        return rates
    }

    /// `amount` in `currency` expressed in the site's currency, when a rate is known.
    func inSiteCurrency(_ amount: Double, from currency: String?) -> Double? {
        guard let currency, currency != self.currency else { return amount }
        return exchangeRates[currency].map { amount * $0 }
    }
}
