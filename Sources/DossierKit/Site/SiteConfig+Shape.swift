/// dossier.yml's keys and the shape of each value: the one list `parse` takes its known keys from, and
/// what `dossier schema settings` prints. The rules and their thresholds come from `HealthRules.all`.
extension SiteConfig {
    /// Made afresh at each use (it is read once per run, for the known keys and `dossier schema`): a
    /// `static let` would keep indirect enum boxes that LeakSanitizer, in the fuzzers, cannot see as
    /// reachable and reports as leaks.
    static var shape: FieldShape {
        .mapping([
            Field("title", .text),
            Field("company", .text),
            Field("language", .words(languages)),
            Field("currency", .currency),
            Field("stale_after_days", .integer(1...3650)),
            Field("unsafe_html", .flag, mayBeNull: false),
            Field("remote_images", .flag, mayBeNull: false),
            Field("max_dossier_bytes", .integer(1024...1_073_741_824)),
            Field("rules", .mapping(HealthRules.all.map { rule in
                let thresholds = rule.parameters.keys.sorted().map { Field($0, .integer(0...100_000)) }
                return Field(rule.id, thresholds.isEmpty ? .switchWord : .either([.switchWord, .mapping(thresholds)]), mayBeNull: false)
            })),
            Field("signals", .mapping(HealthSignals.all.map { signal in
                let thresholds = signal.parameters.keys.sorted().map { Field($0, .integer(0...100_000)) }
                return Field(signal.id, thresholds.isEmpty ? .switchWord : .either([.switchWord, .mapping(thresholds)]), mayBeNull: false)
            })),
            Field("matrix_split", .number(minimum: 1, maximum: 5)),
            Field("exchange_rates", .dictionary(keys: .currency, values: .number(exclusiveMinimum: 0, maximum: maxExchangeRate))),
            Field("audiences", .dictionary(keys: .text, values: .mapping([Field("private", .flag, mayBeNull: false)]))),
            Field("default_audience", .text),
            Field("offerings", .list(.text)),
            Field("base_url", .webAddress),
        ])
    }
}
