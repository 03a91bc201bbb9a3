/// JSON Schemas (draft 2020-12) of `dossier.yml` and of a dossier's front-matter, made from the same
/// `FieldShape` descriptions the decoders take their keys from (`dossier schema`).
///
/// Only keywords that mean the same in draft-07 are used (no `prefixItems`, no `unevaluatedProperties`),
/// so editors whose YAML support reads older drafts understand the schemas too. What a schema cannot say
/// (a real calendar date, a plan item's objective number, a target's kind following its measure,
/// names that must match another list) stays with `dossier check`.
public enum JSONSchema {
    /// Which file a schema describes.
    public enum Document: String, Sendable, CaseIterable {
        /// `dossier.yml` (and any other settings file such as `dossier.zh.yml`).
        case settings
        /// The YAML front-matter of a dossier in `content/accounts/`.
        case dossier
    }

    /// The schema as JSON text, ending in a newline; the same bytes on every run.
    public static func text(of document: Document) -> String {
        schema(of: document).text() + "\n"
    }

    /// The schema as a JSON value.
    public static func schema(of document: Document) -> JSONValue {
        let (shape, title) = switch document {
        case .settings: (SiteConfig.shape, "dossier.yml: the settings of a dossier research site")
        case .dossier: (DossierDecoder.shape, "The YAML front-matter of a dossier (content/accounts/*.md)")
        }
        var members: [JSONValue.Member] = [
            .init("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            .init("title", .string(title)),
        ]
        if case .object(let body) = schema(of: shape) { members += body }
        return .object(members)
    }

    /// The schema of one shape, without null.
    static func schema(of shape: FieldShape) -> JSONValue {
        switch shape {
        case .text:
            // A YAML number or boolean is not text to the decoder; a JSON string always is.
            return .object([.init("type", .string("string"))])
        case .day:
            return .object([.init("type", .string("string")), .init("format", .string("date")),
                            .init("pattern", .string(#"^[ \t]*[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]*$"#))])
        case .integer(let range):
            var members: [JSONValue.Member] = [.init("type", .string("integer")), .init("minimum", .integer(range.lowerBound))]
            if range.upperBound != Int.max { members.append(.init("maximum", .integer(range.upperBound))) }
            return .object(members)
        case .number(let minimum, let exclusiveMinimum, let maximum):
            var members: [JSONValue.Member] = [.init("type", .string("number"))]
            if let minimum { members.append(.init("minimum", .number(minimum))) }
            if let exclusiveMinimum { members.append(.init("exclusiveMinimum", .number(exclusiveMinimum))) }
            if let maximum { members.append(.init("maximum", .number(maximum))) }
            return .object(members)
        case .money(let allowsNegative):
            return schema(of: .number(minimum: allowsNegative ? -NodeReader.moneyLimit : 0, maximum: NodeReader.moneyLimit))
        case .fraction(let isShare):
            let number = isShare ? schema(of: .number(minimum: 0, maximum: 1))
                : schema(of: .number(minimum: -NodeReader.marginLimit, maximum: NodeReader.marginLimit))
            // A share's percentage is 0% to 100%; a margin's sign and size are left to `check`.
            let percent = isShare ? #"^[ \t]*\+?(100(\.0*)?|[0-9]{1,2}(\.[0-9]*)?|\.[0-9]+)[ \t]*%$"#
                : #"^[ \t]*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[ \t]*%$"#
            return .object([.init("anyOf", .array([number, .object([.init("type", .string("string")), .init("pattern", .string(percent))])]))])
        case .metric:
            let percent = #"^[ \t]*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[ \t]*%$"#
            return .object([.init("anyOf", .array([.object([.init("type", .string("number"))]),
                                                   .object([.init("type", .string("string")), .init("pattern", .string(percent))])]))])
        case .flag:
            return .object([.init("type", .string("boolean"))])
        case .currency:
            return .object([.init("type", .string("string")), .init("pattern", .string("^[A-Z]{3}$"))])
        case .webAddress:
            let host = #"[!$%&'()*+,\-.0-9:;=A-Z\[\]_a-z~]+"#, path = #"[!$%&'()*+,\-./0-9:;=@A-Z\[\]_a-z~]*"#
            return .object([.init("type", .string("string")), .init("pattern", .string("^[Hh][Tt][Tt][Pp][Ss]?://\(host)(/\(path))?$"))])
        case .words(let words):
            return .object([.init("enum", .array(words.map(JSONValue.string)))])
        case .list(let item):
            return .object([.init("type", .string("array")), .init("items", schema(of: item, mayBeNull: true))])
        case .mapping(let fields, let requiresOneOf):
            var members: [JSONValue.Member] = [
                .init("type", .string("object")),
                .init("properties", .object(fields.map { .init($0.key, schema(of: $0)) })),
                .init("additionalProperties", .bool(false)),
            ]
            let required = fields.filter(\.isRequired).map { JSONValue.string($0.key) }
            if !required.isEmpty { members.append(.init("required", .array(required))) }
            if !requiresOneOf.isEmpty {
                // Given and not null: the decoder reads `ours:` with nothing after it as absent.
                members.append(.init("anyOf", .array(requiresOneOf.map { key in
                    .object([.init("required", .array([.string(key)])),
                             .init("properties", .object([.init(key, .object([.init("not", .object([.init("type", .string("null"))]))]))]))])
                })))
            }
            return .object(members)
        case .dictionary(let keys, let values, let valuesMayBeNull):
            var members: [JSONValue.Member] = [.init("type", .string("object"))]
            if case .object(let keySchema) = schema(of: keys), keySchema.contains(where: { $0.key == "pattern" }) {
                members.append(.init("propertyNames", .object(keySchema)))
            }
            members.append(.init("additionalProperties", schema(of: values, mayBeNull: valuesMayBeNull)))
            return .object(members)
        case .either(let shapes):
            return .object([.init("anyOf", .array(shapes.map { schema(of: $0) }))])
        case .switchWord:
            let word = #"^([oO][nN]|[oO][fF][fF]|[tT][rR][uU][eE]|[fF][aA][lL][sS][eE])$"#
            return .object([.init("anyOf", .array([.object([.init("type", .string("boolean"))]),
                                                   .object([.init("type", .string("string")), .init("pattern", .string(word))])]))])
        case .anything:
            return .object([])
        }
    }

    /// The schema of a field's value: null allowed where the decoder reads `key:` as absent; a required
    /// text must have a character that is not white space.
    static func schema(of field: Field) -> JSONValue {
        if field.isRequired, case .text = field.shape {
            return .object([.init("type", .string("string")), .init("pattern", .string(#"\S"#))])
        }
        return schema(of: field.shape, mayBeNull: field.mayBeNull)
    }

    private static func schema(of shape: FieldShape, mayBeNull: Bool) -> JSONValue {
        let base = schema(of: shape)
        guard mayBeNull, case .object(var members) = base, !members.isEmpty else { return base }
        if let index = members.firstIndex(where: { $0.key == "type" }), case .string(let type) = members[index].value {
            members[index].value = .array([.string(type), .string("null")])
        } else if let index = members.firstIndex(where: { $0.key == "enum" }), case .array(let words) = members[index].value {
            members[index].value = .array(words + [.null])
        } else if let index = members.firstIndex(where: { $0.key == "anyOf" }), case .array(let options) = members[index].value {
            members[index].value = .array(options + [.object([.init("type", .string("null"))])])
        }
        return .object(members)
    }
}
