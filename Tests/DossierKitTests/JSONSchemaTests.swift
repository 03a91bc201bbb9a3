import Foundation
import Testing
import Yams
@testable import DossierKit

/// `dossier schema`: the schemas are valid draft 2020-12, accept every example, reject the bad inputs a
/// schema can express, and agree with the decoder field by field. Validation is Python's `jsonschema`.
@Suite struct JSONSchemaTests {
    // MARK: Converting YAML as the decoder reads it

    /// A YAML node as JSON, with the tags the decoder gives it (YAML 1.2 core schema: `NO` stays text).
    static func json(of node: Node) -> JSONValue {
        switch node {
        case .mapping(let mapping):
            return .object(mapping.map { JSONValue.Member($0.key.scalar?.string ?? "", json(of: $0.value)) })
        case .sequence(let sequence):
            return .array(sequence.map(json(of:)))
        case .alias:
            return .string("*alias")
        case .scalar(let scalar):
            switch tagName(node) {
            case .null: return .null
            case .bool: return .bool(node.bool ?? false)
            case .int: return node.int.map(JSONValue.integer) ?? .string(scalar.string)
            case .float:
                guard let value = node.float, value.isFinite else { return .string(scalar.string) }
                return .number(value)
            default: return .string(scalar.string)
            }
        }
    }

    /// The front-matter (or, for a `.yml` file, the whole file) as JSON; nil when the YAML cannot be read.
    static func json(ofFile url: URL) -> JSONValue? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let frontMatter: FrontMatter
        if url.pathExtension == "yml" {
            frontMatter = FrontMatter(yaml: text, yamlLine: 1, body: "", bodyLine: 1)
        } else {
            guard case .success(let split) = FrontMatter.split(text, path: url.lastPathComponent) else { return nil }
            frontMatter = split
        }
        let (root, diagnostics) = YAMLComposer.compose(frontMatter, path: url.lastPathComponent)
        guard diagnostics.isEmpty else { return nil }
        return root.map(json(of:)) ?? .null
    }

    // MARK: Validating with jsonschema

    /// Validates each document against its schema with Python's jsonschema; returns, per document, the
    /// first error's message, or nil when it is valid.
    static func validate(_ documents: [(schema: JSONSchema.Document, value: JSONValue)]) throws -> [String?] {
        let folder = try TestSupport.makeTemporaryFolder()
        for document in JSONSchema.Document.allCases {
            try Data(JSONSchema.text(of: document).utf8).write(to: folder.appendingPathComponent("\(document.rawValue).json"))
        }
        let list = JSONValue.array(documents.map { .array([.string($0.schema.rawValue), $0.value]) })
        try Data(list.text().utf8).write(to: folder.appendingPathComponent("documents.json"))
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            folder = sys.argv[1]
            validators = {}
            for name in ("settings", "dossier"):
                schema = json.load(open(f"{folder}/{name}.json"))
                Draft202012Validator.check_schema(schema)
                validators[name] = Draft202012Validator(schema)
            for name, document in json.load(open(f"{folder}/documents.json")):
                errors = sorted(validators[name].iter_errors(document), key=lambda e: list(e.absolute_path))
                print(json.dumps(None if not errors else "/".join(map(str, errors[0].absolute_path)) + ": " + errors[0].message))
            """
        let (status, output) = try TestSupport.run("python3", ["-c", script, folder.path], includesErrors: true)
        try #require(status == 0, "jsonschema failed (scripts/install-deps --test installs it): \(output)")
        let lines = output.split(separator: "\n").map(String.init)
        try #require(lines.count == documents.count, "\(output)")
        return try lines.map { try JSONDecoder().decode(String?.self, from: Data($0.utf8)) }
    }

    // MARK: The schemas

    @Test func theSchemasAreDraft202012AndTheSameEveryTime() throws {
        for document in JSONSchema.Document.allCases {
            let text = JSONSchema.text(of: document)
            #expect(text == JSONSchema.text(of: document))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(parsed["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
            #expect(parsed["additionalProperties"] as? Bool == false)
        }
        // Keys and words come from the decoders' own definitions.
        let dossier = JSONSchema.schema(of: .dossier)
        #expect(dossier["required"] == .array([.string("name"), .string("owner"), .string("stage")]))
        #expect(dossier["properties"]?["stage"]?["enum"] == .array(Stage.allowedWords.map(JSONValue.string)))
        let settings = JSONSchema.schema(of: .settings)
        guard case .object(let rules)? = settings["properties"]?["rules"]?["properties"] else { Issue.record("no rules"); return }
        #expect(rules.map(\.key) == HealthRules.all.map(\.id))
        _ = try Self.validate([])
    }

    @Test func everyExampleIsValid() throws {
        let root = TestSupport.repositoryRoot
        var documents: [(schema: JSONSchema.Document, value: JSONValue)] = []
        var names: [String] = []
        for file in ["dossier.yml", "dossier.zh.yml"] {
            documents.append((.settings, try #require(Self.json(ofFile: root.appendingPathComponent(file)))))
            names.append(file)
        }
        let accounts = root.appendingPathComponent("content/accounts")
        for file in try FileManager.default.contentsOfDirectory(atPath: accounts.path).sorted() where file.hasSuffix(".md") {
            documents.append((.dossier, try #require(Self.json(ofFile: accounts.appendingPathComponent(file)))))
            names.append(file)
        }
        #expect(names.count >= 14)
        for (name, error) in zip(names, try Self.validate(documents)) {
            #expect(error == nil, "\(name): \(error ?? "")")
        }
    }

    // MARK: The bad-input corpus

    /// Cases whose mistake is a wrong type, an unknown word, an unknown key or a missing required key.
    static let rejected: Set<String> = [
        "assessment-not-integer", "assessment-out-of-range", "bad-currency", "bad-date-next-week", "bad-date-slashes",
        "columns-count-characters", "config-bad-language", "config-bad-stale-after-days", "config-exchange-rate-out-of-range",
        "config-not-a-mapping", "config-unknown-key", "config-unknown-key-no-suggestion", "empty-front-matter", "empty-required-value",
        "required-values-left-empty",
        "errors-in-several-files", "front-matter-is-list", "list-where-mapping-belongs", "many-unknown-keys",
        "mapping-where-list-belongs", "missing-name", "missing-owner", "missing-stage", "number-as-name", "number-as-owner",
        "numbers-out-of-range", "several-errors", "share-out-of-range", "share-out-of-range-decimal", "share-percent-out-of-range",
        "text-as-revenue", "text-where-list-belongs", "unknown-commitment-party", "unknown-competitor-position", "unknown-engagement",
        "unknown-external-factor-impact", "unknown-external-factor-kind", "unknown-feasibility-verdict", "unknown-key",
        "unknown-key-did-you-mean", "unknown-nested-key", "unknown-opportunity-stage", "unknown-segment-trend", "unknown-stage",
        "unknown-stage-capitalised", "unknown-stakeholder-role", "unknown-stakeholder-stance", "unknown-supplier-status",
        "unknown-target-stage", "value-outcome-wrong-types",
        // For its key `key\eX`, which is unknown; control characters in values are not expressed (see below).
        "control-characters-in-values",
    ]

    /// Cases whose YAML is readable but whose mistake no schema of one document can see, so the schema accepts
    /// them and `dossier check` is needed (docs/working-with-other-tools.md lists why).
    static let acceptedButWrong: [String: String] = [
        "asterisks-in-text-are-not-aliases": "nothing is wrong",
        "bad-date-february-30": "a real calendar date: `format: date` is only an annotation in draft 2020-12",
        "plan-objective-out-of-range": "the objective's number depends on how many objectives the dossier has",
        "reports-to-nobody": "a name that must be one of the same dossier's stakeholders",
        "unknown-offering": "a name that must be one of dossier.yml's offerings, another file",
        "private-marker-not-at-end": "a mistake in the Markdown body, not the front-matter",
        "control-characters-in-config": "expressible as a pattern on every text, left out so editors show each field's own pattern",
        "too-large": "a limit on the file's size in bytes",
        "duplicate-slug": "two files' names",
        "links-out-of-the-site": "files that are links leading out of the site (their documents, read here through the links, are fine)",
    ]

    /// Cases that give no document to validate: the file is not readable YAML front-matter, or the mistake is
    /// in the file's name, encoding or place.
    static let noDocument: Set<String> = [
        "alias-bomb", "bad-slug", "binary-file", "deeply-nested-yaml", "duplicate-key", "duplicate-keys-several",
        "invalid-utf8-body", "invalid-utf8-front-matter", "missing-front-matter", "no-dossiers",
        "not-a-site", "unclosed-front-matter", "uppercase-extension", "utf16-big-endian-with-bom", "utf16-with-bom",
        "utf16-without-bom", "utf32-with-bom", "yaml-bad-indentation", "yaml-colon-in-value", "yaml-tab-indentation",
        "yaml-unclosed-flow-list",
    ]

    /// The documents of a bad-input site: its settings file and every dossier whose YAML can be read.
    static func documents(ofCase name: String) -> [(schema: JSONSchema.Document, value: JSONValue)] {
        let site = BadInputTests.corpus.appendingPathComponent(name)
        var documents: [(schema: JSONSchema.Document, value: JSONValue)] = []
        if let settings = json(ofFile: site.appendingPathComponent("dossier.yml")) { documents.append((.settings, settings)) }
        let accounts = site.appendingPathComponent("content/accounts")
        let files = (FileManager.default.enumerator(atPath: accounts.path)?.allObjects as? [String] ?? []).sorted()
        for file in files where file.lowercased().hasSuffix(".md") {
            let url = accounts.appendingPathComponent(file)
            guard url.resolvingSymlinksInPath().path.hasPrefix(site.resolvingSymlinksInPath().path + "/"),
                  Slug.isValid(url.deletingPathExtension().lastPathComponent), url.pathExtension == "md" else { continue }
            if let value = json(ofFile: url) { documents.append((.dossier, value)) }
        }
        return documents
    }

    @Test func everyBadInputCaseIsClassified() {
        let classified = Self.rejected.union(Self.acceptedButWrong.keys).union(Self.noDocument)
        #expect(Set(BadInputTests.cases) == classified)
        #expect(Self.rejected.count + Self.acceptedButWrong.count + Self.noDocument.count == classified.count)
    }

    @Test func theSchemaRejectsTheBadInputsItCanExpress() throws {
        var documents: [(schema: JSONSchema.Document, value: JSONValue)] = []
        var owners: [String] = []
        for name in BadInputTests.cases {
            let found = Self.documents(ofCase: name)
            if Self.noDocument.contains(name) {
                #expect(found.allSatisfy { $0.schema == .settings }, "\(name) gave a dossier to validate")
            }
            documents += found
            owners += Array(repeating: name, count: found.count)
        }
        let errors = try Self.validate(documents)
        for name in Self.rejected {
            let caseErrors = zip(owners, errors).filter { $0.0 == name }.map(\.1)
            #expect(!caseErrors.isEmpty && caseErrors.contains { $0 != nil }, "the schema accepts \(name)")
        }
        for name in Self.acceptedButWrong.keys {
            let caseErrors = zip(owners, errors).filter { $0.0 == name }.map(\.1)
            #expect(!caseErrors.isEmpty && caseErrors.allSatisfy { $0 == nil }, "\(name): \(caseErrors)")
        }
    }
}
