/// What the decoder accepts for one value, stated once: the decoder takes its known keys from it
/// (`keys(at:)`) and `JSONSchema` turns it into a JSON Schema for editors and tools.
///
/// Each case matches one `NodeReader` accessor (`text`, `day`, `keyword`, ...); `FieldShapeTests` decodes
/// a right and a wrong value for every field and checks that the decoder and the schema agree.
indirect enum FieldShape: Sendable {
    /// `text`: a string that is not a number or boolean.
    case text
    /// `day`: `YYYY-MM-DD`.
    case day
    /// `integer(in:)`.
    case integer(ClosedRange<Int>)
    /// `number`, optionally bounded; `exclusiveMinimum` for rates that must be above zero.
    case number(minimum: Double? = nil, exclusiveMinimum: Double? = nil, maximum: Double? = nil)
    /// `money(allowsNegative:)`: up to ±`NodeReader.moneyLimit`.
    case money(allowsNegative: Bool)
    /// `fraction(isShare:)`: `0.42` or `'42%'`; shares 0 to 1, margins -10 to 10.
    case fraction(isShare: Bool)
    /// `metricValue`: a number or a percentage.
    case metric
    /// `flag`: true or false.
    case flag
    /// `currency`: three capital letters.
    case currency
    /// `webAddress`: an `http://` or `https://` address with a host, in printable ASCII, without a
    /// query or a fragment (`base_url`).
    case webAddress
    /// `keyword`: one of a closed set of words (a `Keyword` type's `allowedWords`).
    case words([String])
    /// `list`: items of one shape.
    case list(FieldShape)
    /// `fields(of:known:)`: the keys listed and no others; `requiresOneOf` names keys of which at least one must be given.
    case mapping([Field], requiresOneOf: [String] = [])
    /// A mapping whose keys are the user's (offerings, currencies, audience names), with values of one shape.
    case dictionary(keys: FieldShape, values: FieldShape, valuesMayBeNull: Bool = true)
    /// Any of these shapes (a rule's `off` or its thresholds).
    case either([FieldShape])
    /// `on`, `off`, `true` or `false`, in any case, or a boolean.
    case switchWord
    /// Free-form YAML (`private:`).
    case anything

    /// The shape of a `Keyword` type's words.
    static func words<K: Keyword>(_ type: K.Type) -> FieldShape { .words(K.allowedWords) }

    /// The known keys of the mapping at `path` (`""` for the top level, `"financials.years[]"` for the
    /// items of a list), or an empty list when there is no mapping there.
    func keys(at path: String) -> [String] {
        guard case .mapping(let fields, _)? = shape(at: path) else { return [] }
        return fields.map(\.key)
    }

    /// The shape at a dotted path, `[]` stepping into a list's items.
    func shape(at path: String) -> FieldShape? {
        var current: FieldShape = self
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var steps = 0
            while name.hasSuffix("[]") { name = name.dropLast(2); steps += 1 }
            guard case .mapping(let fields, _) = current, let field = fields.first(where: { $0.key == name }) else { return nil }
            current = field.shape
            for _ in 0..<steps {
                guard case .list(let item) = current else { return nil }
                current = item
            }
        }
        return current
    }
}

/// One key of a mapping and the shape of its value.
struct Field: Sendable {
    var key: String
    var shape: FieldShape
    /// The decoder reports the key missing when it is absent, and empty when it is null or blank.
    var isRequired = false
    /// `key:` with nothing after it counts as absent (true for every optional key the decoder reads).
    var mayBeNull = true

    init(_ key: String, _ shape: FieldShape, isRequired: Bool = false, mayBeNull: Bool? = nil) {
        self.key = key
        self.shape = shape
        self.isRequired = isRequired
        self.mayBeNull = mayBeNull ?? !isRequired
    }

    /// A key the decoder cannot do without.
    static func required(_ key: String, _ shape: FieldShape) -> Field { Field(key, shape, isRequired: true) }
}
