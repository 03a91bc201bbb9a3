import Foundation
import Testing
@testable import DossierKit

/// The `FieldShape` descriptions and the decoders agree, field by field: for every key, right values are
/// accepted and wrong ones (wrong type, unknown word, out of range, unknown key, missing required key)
/// refused, by the decoder (an error or warning) and by the JSON Schema made from the description alike.
/// A key described but not decoded, or decoded with another type or range, fails here; a key decoded but
/// not described cannot be, since the decoders take their known keys from the descriptions.
@Suite struct FieldShapeTests {
    /// One document to try: the key path it is about, the front-matter or settings, and whether it is right.
    struct Sample {
        var path: String
        var document: JSONValue
        var isRight: Bool
    }

    /// Keys whose right values depend on another part of the site, so the sample cannot be right alone.
    static let dependsOnOtherData: [String: String] = [
        "stakeholders[].reports_to": "must name one of the dossier's stakeholders (a warning otherwise)",
        "plan[].objective": "must be the number of one of the dossier's objectives",
        "default_audience": "must be one of the site's audiences",
    ]

    // MARK: Values

    /// A right value of the shape, as small as can be.
    static func minimal(_ shape: FieldShape) -> JSONValue {
        switch shape {
        case .text: return .string("Text")
        case .day: return .string("2026-01-02")
        case .integer(let range): return .integer(range.lowerBound)
        case .number(let minimum, let exclusiveMinimum, _): return .number(minimum ?? (exclusiveMinimum.map { $0 + 1 } ?? 1))
        case .money: return .integer(1)
        case .fraction: return .number(0.5)
        case .metric: return .integer(120)
        case .flag: return .bool(true)
        case .currency: return .string("USD")
        case .webAddress: return .string("https://kam.example.com/accounts")
        case .words(let words): return .string(words[0])
        case .list: return .array([])
        case .mapping(let fields, let requiresOneOf):
            let keys = fields.filter { $0.isRequired || $0.key == requiresOneOf.first }
            return .object(keys.map { .init($0.key, minimal($0.shape)) })
        case .dictionary: return .object([])
        case .either(let shapes): return minimal(shapes[0])
        case .switchWord: return .string("off")
        case .anything: return .object([.init("note", .string("Text"))])
        }
    }

    /// Right values of a leaf shape, beyond `minimal`.
    static func otherRightValues(_ shape: FieldShape) -> [JSONValue] {
        switch shape {
        case .integer(let range): range.upperBound == Int.max ? [] : [.integer(range.upperBound)]
        case .number(_, _, let maximum): maximum.map { [.number($0)] } ?? []
        case .money(let allowsNegative): [.number(NodeReader.moneyLimit), allowsNegative ? .number(-NodeReader.moneyLimit) : .integer(0)]
        case .fraction(let isShare): isShare ? [.integer(0), .integer(1), .string("42%"), .string("100%")] : [.number(-0.5), .string("-5%"), .integer(10)]
        case .metric: [.number(0.25), .string("0.9%")]
        case .flag: [.bool(false)]
        case .words(let words): words.map(JSONValue.string)
        case .switchWord: [.string("on"), .string("OFF"), .bool(false)]
        case .either(let shapes): shapes.dropFirst().map(minimal)
        default: []
        }
    }

    /// Wrong values of a shape, each refused by the decoder.
    static func wrongValues(_ shape: FieldShape) -> [JSONValue] {
        switch shape {
        case .text: return [.integer(12), .bool(true), .array([])]
        case .day: return [.string("soon"), .string("2026/01/02"), .integer(20260102)]
        case .integer(let range):
            var values: [JSONValue] = [.string("many"), .number(1.5)]
            if range.lowerBound > Int.min { values.append(.integer(range.lowerBound - 1)) }
            if range.upperBound < Int.max { values.append(.integer(range.upperBound + 1)) }
            return values
        case .number(let minimum, let exclusiveMinimum, let maximum):
            var values: [JSONValue] = [.string("many")]
            if let minimum { values.append(.number(minimum - 1)) }
            if let exclusiveMinimum { values.append(.number(exclusiveMinimum)) }
            if let maximum { values.append(.number(maximum + 1)) }
            return values
        case .money(let allowsNegative):
            return [.string("1.8bn"), .number(2e15), allowsNegative ? .number(-2e15) : .integer(-1)]
        case .fraction(let isShare):
            return isShare ? [.string("high"), .number(1.5), .integer(42), .string("140%")] : [.string("high"), .integer(11)]
        case .metric: return [.string("high"), .array([])]
        case .flag: return [.string("yes please"), .integer(1)]
        case .currency: return [.string("euro"), .string("eur")]
        case .webAddress: return [.string("ftp://kam.example.com/"), .string("https://me@kam.example.com/"), .string("https://kam.example.com/?a=1"),
                                  .string("https://kám.example.com/"), .string("https://"), .integer(1)]
        case .words: return [.string("not-a-word"), .integer(3)]
        case .list: return [.string("Text"), .object([.init("a", .string("b"))])]
        case .mapping: return [.string("Text"), .array([]), .object([.init("zz_unknown", .integer(1))])]
        case .dictionary(let keys, _, _):
            var values: [JSONValue] = [.string("Text"), .array([])]
            if case .currency = keys { values.append(.object([.init("euro", .integer(1))])) }
            return values
        case .either: return [.array([.integer(1)])]
        case .switchWord: return [.string("maybe"), .integer(1)]
        case .anything: return []
        }
    }

    // MARK: Samples

    /// Samples of everything inside `shape` (a mapping, list or dictionary), as values of `shape`.
    static func samples(inside shape: FieldShape, at path: String) -> [Sample] {
        switch shape {
        case .mapping(let fields, let requiresOneOf):
            let base = minimal(shape)
            func with(_ key: String, _ value: JSONValue?) -> JSONValue {
                guard case .object(var members) = base else { return base }
                members.removeAll { $0.key == key }
                if let value { members.append(.init(key, value)) }
                return .object(members)
            }
            var result: [Sample] = []
            for field in fields {
                let fieldPath = path.isEmpty ? field.key : "\(path).\(field.key)"
                var right = [minimal(field.shape)] + otherRightValues(field.shape)
                var wrong = wrongValues(field.shape)
                // The one key given of those of which one is required: null leaves none.
                let isOnlyOneGiven = field.key == requiresOneOf.first
                if field.mayBeNull && !isOnlyOneGiven {
                    right.append(.null)
                } else if !field.isRequired || path.isEmpty {
                    wrong.append(.null)
                }
                result += right.map { Sample(path: fieldPath, document: with(field.key, $0), isRight: true) }
                result += wrong.map { Sample(path: fieldPath, document: with(field.key, $0), isRight: false) }
                if field.isRequired { result.append(Sample(path: fieldPath, document: with(field.key, nil), isRight: false)) }
                result += samples(inside: field.shape, at: fieldPath).map { Sample(path: $0.path, document: with(field.key, $0.document), isRight: $0.isRight) }
            }
            return result
        case .list(let item):
            let itemPath = path + "[]"
            var result = [minimal(item)] .map { Sample(path: itemPath, document: .array([$0]), isRight: true) }
            if case .mapping = item {} else {
                result += (otherRightValues(item) + [.null]).map { Sample(path: itemPath, document: .array([$0]), isRight: true) }
                result += wrongValues(item).map { Sample(path: itemPath, document: .array([$0]), isRight: false) }
            }
            result += samples(inside: item, at: itemPath).map { Sample(path: $0.path, document: .array([$0.document]), isRight: $0.isRight) }
            return result
        case .dictionary(let keys, let values, let valuesMayBeNull):
            let key = keys.isCurrency ? "USD" : "Some key"
            let entryPath = path + ".*"
            var right = [minimal(values)] + otherRightValues(values)
            var wrong = wrongValues(values)
            if valuesMayBeNull { right.append(.null) } else { wrong.append(.null) }
            return right.map { Sample(path: entryPath, document: .object([.init(key, $0)]), isRight: true) }
                + wrong.map { Sample(path: entryPath, document: .object([.init(key, $0)]), isRight: false) }
                + samples(inside: values, at: entryPath).map { Sample(path: $0.path, document: .object([.init(key, $0.document)]), isRight: $0.isRight) }
        case .either(let shapes):
            return shapes.flatMap { samples(inside: $0, at: path) }
        default:
            return []
        }
    }

    /// What the decoder says about a sample: whether it reported any error or warning.
    static func decoderRefuses(_ document: JSONValue, as kind: JSONSchema.Document) -> [String] {
        let text = document.text()
        switch kind {
        case .dossier:
            return TestSupport.process("---\n\(text)\n---\n").2.filter { $0.severity != .note }.map(\.formatted)
        case .settings:
            return SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: Array(text.utf8))).1.map(\.formatted)
        }
    }

    @Test(arguments: JSONSchema.Document.allCases)
    func theDecoderAndTheSchemaAgreeOnEveryField(_ kind: JSONSchema.Document) throws {
        let shape = kind == .dossier ? DossierDecoder.shape : SiteConfig.shape
        let samples = Self.samples(inside: shape, at: "")
        #expect(samples.count > (kind == .dossier ? 700 : 100))
        let schemaErrors = try JSONSchemaTests.validate(samples.map { (kind, $0.document) })
        var describedPaths = Set<String>()
        for (sample, schemaError) in zip(samples, schemaErrors) {
            describedPaths.insert(sample.path)
            let decoderErrors = Self.decoderRefuses(sample.document, as: kind)
            let context = "\(sample.path) in \(sample.document.text())"
            if sample.isRight {
                #expect(schemaError == nil, "the schema refuses right \(context): \(schemaError ?? "")")
                if Self.dependsOnOtherData[sample.path] == nil {
                    #expect(decoderErrors.isEmpty, "the decoder refuses right \(context): \(decoderErrors)")
                }
            } else {
                #expect(schemaError != nil, "the schema accepts wrong \(context)")
                #expect(!decoderErrors.isEmpty, "the decoder accepts wrong \(context)")
            }
        }
        for path in Self.dependsOnOtherData.keys where kind == (path == "default_audience" ? .settings : .dossier) {
            #expect(describedPaths.contains(path), "\(path) is no longer described")
        }
    }

    @Test func theDecodersTakeTheirKeysFromTheDescriptions() {
        #expect(DossierDecoder.knownKeys(at: "").first == "name")
        #expect(DossierDecoder.knownKeys(at: "value.outcomes[]") == ["metric", "baseline", "target", "actual", "agreed_by"])
        #expect(DossierDecoder.knownKeys(at: "no.such.path") == [])
        #expect(SiteConfig.knownKeys == SiteConfig.shape.keys(at: ""))
        // An unknown key anywhere is warned about with a suggestion from the described keys.
        let (_, _, diagnostics) = TestSupport.process("---\nname: A\nowner: B\nstage: pre\nvalue:\n  outcomes:\n    - metric: m\n      agred_by: x\n---\n")
        #expect(diagnostics.map(\.message).contains("unknown key 'value.outcomes[0].agred_by'; did you mean 'agreed_by'?"))
    }
}

private extension FieldShape {
    var isCurrency: Bool {
        if case .currency = self { true } else { false }
    }
}
