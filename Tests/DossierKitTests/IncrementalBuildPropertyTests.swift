import Foundation
import PropertyBased
import Testing
@testable import DossierKit

/// The build cache's law, checked on random sequences of edits: after every edit, a cached incremental
/// build leaves an output folder byte for byte the same as a clean build's (no cache, a new folder),
/// and reports the same diagnostics.
///
/// Each sequence starts from a small site (five to seven of the example dossiers, picked at random,
/// and one or two generated ones with private parts) and applies three to six `SiteEdit`s: notes,
/// front-matter fields the portfolio shows, new, deleted and renamed dossiers, a YAML error and its
/// fix, settings, templates, strings, the as-of day, the audience, a touched file, a commit. Half the
/// sequences let the cache trust file stamps, half make it compare bytes (see `EditableSite`); one in
/// four is in a git repository and the builds show its history.
///
/// Seeds: the sequences are made by swift-property-based's generators from one seed, fixed here so
/// that every run (CI's too) checks the same sequences. `DOSSIER_PROPERTY_SEED` sets another seed (a
/// seed as printed, or `random`) and `DOSSIER_PROPERTY_SEQUENCES` how many sequences to make;
/// `DOSSIER_PROPERTY_VERBOSE=1` prints every sequence's steps and builds. A failure names the
/// sequence's own seed, the steps it took and a shortest failing subsequence (edits taken out one at
/// a time while it still fails), as a command to re-run it and as a Swift value to paste into a
/// regression test. (The package's `propertyCheck` is not used: it draws a new seed on every run, and
/// its `.fixedSeed` trait reports an issue even when the property holds, so it cannot stay in CI.)
@Suite struct IncrementalBuildPropertyTests {
    /// The seed CI uses.
    static let defaultSeed = "nwZo6OuLZ2JhUgSf9q87NAT3YWwj8zQMrx2zmVkur9c="
    static let defaultCount = 24

    /// A starting site and the edits made to it, with the seed that made them.
    struct Scenario: Sendable, CustomTestStringConvertible, CustomStringConvertible {
        var seed = ""
        var examples: [String]
        var generated: Int
        var trustsStamps: Bool
        /// The site is a git repository and the builds read its history.
        var usesGit = false
        var edits: [SiteEdit]

        var testDescription: String { "seed \(seed): \(edits.count) edits" }

        /// The scenario as Swift source, for a regression test.
        var description: String {
            let list = edits.map { "SiteEdit(kind: .\($0.kind), target: \($0.target), variant: \($0.variant))" }
            return ".init(examples: \(examples), generated: \(generated), trustsStamps: \(trustsStamps), usesGit: \(usesGit), edits: [\n    "
                + list.joined(separator: ",\n    ") + "])"
        }
    }

    // MARK: Generators

    /// Kinds of edit, each as often as it should be drawn.
    static let weightedKinds: [SiteEdit.Kind] = [
        .editNotes, .editNotes, .editNotes, .editField, .editField, .editField, .editField, .addDossier, .addDossier,
        .deleteDossier, .renameDossier, .renameDossier, .breakOrFixDossier, .breakOrFixDossier, .breakOrFixDossier, .breakOrFixDossier,
        .changeSettings, .changeSettings, .changeTemplate, .changeTemplate, .changeStrings, .changeDay, .switchAudience, .switchAudience, .touchFile,
        .commit, .commit,
    ]

    static let edit = zip(Gen.int(in: 0...(weightedKinds.count - 1)), Gen.int(in: 0...9_999), Gen.int(in: 0...9_999))
        .map { SiteEdit(kind: weightedKinds[$0.0], target: $0.1, variant: $0.2) }

    /// A site of five to seven examples and one or two generated dossiers (with private parts), and its
    /// edits. One site in four is a git repository, with a commit after the first edit; elsewhere a
    /// commit is drawn as a touch.
    static let scenario = zip(Gen<[String]>.shuffled(EditableSite.examples), Gen.int(in: 5...7), Gen.int(in: 1...2), Gen.bool,
                              Gen.bool(0.25), edit.array(of: 3...6))
        .map { made in
            let usesGit = made.4
            var edits = made.5.map { usesGit || $0.kind != .commit ? $0 : SiteEdit(kind: .touchFile, target: $0.target, variant: $0.variant) }
            if usesGit { edits.insert(SiteEdit(kind: .commit, target: 0, variant: 0), at: 1) }
            return Scenario(examples: Array(made.0.prefix(made.1)).sorted(), generated: made.2, trustsStamps: made.3, usesGit: usesGit, edits: edits)
        }

    /// `count` scenarios from `seed`, each with the seed that makes it first.
    static func scenarios(seed: String, count: Int) -> [Scenario]? {
        guard var random = seed == "random" ? Xoshiro() : Xoshiro(seed: seed) else { return nil }
        return (0..<count).map { _ in
            let start = random.currentSeed
            var made = scenario.run(using: &random)
            made.seed = start
            return made
        }
    }

    static let environment = ProcessInfo.processInfo.environment
    static let chosenSeed = environment["DOSSIER_PROPERTY_SEED"] ?? defaultSeed
    static let chosenCount = environment["DOSSIER_PROPERTY_SEQUENCES"].map { Int($0) ?? -1 } ?? defaultCount
    static let chosenScenarios = scenarios(seed: chosenSeed, count: max(0, chosenCount)) ?? []

    // MARK: Tests

    @Test func theSeedAndCountFromTheEnvironmentAreUsable() {
        #expect(Xoshiro(seed: Self.chosenSeed) != nil || Self.chosenSeed == "random",
                "DOSSIER_PROPERTY_SEED must be a seed as a failure prints it (base64 of 32 bytes) or `random`, not \(Self.chosenSeed)")
        #expect(Self.chosenCount >= 0, "DOSSIER_PROPERTY_SEQUENCES must be a whole number")
    }

    @Test func aSequenceIsMadeAgainFromItsSeed() throws {
        let made = try #require(Self.scenarios(seed: Self.defaultSeed, count: 6))
        #expect(made.map(\.description) == Self.scenarios(seed: Self.defaultSeed, count: 6)?.map(\.description), "the same seed, the same sequences")
        #expect(Set(made.map(\.description)).count == 6, "different sequences")
        for scenario in made {
            #expect(Self.scenarios(seed: scenario.seed, count: 1)?.first?.description == scenario.description)
        }
    }

    @Test func theSequencesCIChecksMakeEveryKindOfEdit() throws {
        let made = try #require(Self.scenarios(seed: Self.defaultSeed, count: Self.defaultCount))
        let kinds = Set(made.flatMap(\.edits).map(\.kind))
        #expect(kinds == Set(SiteEdit.Kind.allCases), "never made: \(Set(SiteEdit.Kind.allCases).subtracting(kinds).map(\.rawValue).sorted())")
    }

    @Test(arguments: chosenScenarios)
    func anIncrementalBuildEqualsACleanBuildAfterEveryEdit(_ scenario: Scenario) throws {
        guard let failure = try Self.firstFailure(of: scenario, printing: Self.environment["DOSSIER_PROPERTY_VERBOSE"] == "1") else { return }
        let shrunk = try Self.shrink(scenario, failing: failure)
        Issue.record("""
            After step \(failure.step) of the sequence with seed \(scenario.seed), \(failure.problem)
            Steps:
            \(failure.log.joined(separator: "\n"))

            Shortest failing sequence found (\(shrunk.scenario.edits.count) edits), failing at step \(shrunk.failure.step): \(shrunk.failure.problem)
            \(shrunk.failure.log.joined(separator: "\n"))
            As a regression test: try IncrementalBuildPropertyTests.expectEqualBuilds(\(shrunk.scenario.description))
            Run this sequence again: DOSSIER_PROPERTY_SEED='\(scenario.seed)' DOSSIER_PROPERTY_SEQUENCES=1 swift test --skip-build --filter IncrementalBuildPropertyTests
            """)
    }

    /// Sequences written by hand for interactions a random draw reaches only now and then. The site:
    /// brightcart-commerce, harlow-finch, huaxin-electronics, nordwind-logistik (targets 0 to 3, by path).
    static let handPicked: [(String, Scenario)] = {
        let examples = ["brightcart-commerce", "harlow-finch", "huaxin-electronics", "nordwind-logistik"]
        func scenario(trustsStamps: Bool = true, usesGit: Bool = false, _ edits: [(SiteEdit.Kind, Int, Int)]) -> Scenario {
            Scenario(examples: examples, generated: 0, trustsStamps: trustsStamps, usesGit: usesGit,
                     edits: edits.map { SiteEdit(kind: $0.0, target: $0.1, variant: $0.2) })
        }
        return [
            ("a build with errors, then a deletion and a rename before the fix",
             scenario([(.breakOrFixDossier, 0, 0), (.deleteDossier, 1, 0), (.renameDossier, 2, 1), (.breakOrFixDossier, 0, 0)])),
            ("a warning, a touch, the warning fixed", scenario([(.breakOrFixDossier, 3, 2), (.touchFile, 3, 0), (.breakOrFixDossier, 0, 0)])),
            ("private notes for the team, then for the company", scenario(trustsStamps: false, [
                (.switchAudience, 0, 2), (.editNotes, 3, 1), (.changeStrings, 0, 1), (.switchAudience, 0, 1), (.editNotes, 3, 1)])),
            ("Chinese, with a Chinese strings file and private label", scenario([
                (.changeSettings, 0, 0), (.changeStrings, 1, 1), (.switchAudience, 0, 2), (.editNotes, 2, 1), (.changeSettings, 0, 0)])),
            ("a site partial used by an overridden template, then changed", scenario([
                (.changeTemplate, 0, 2), (.changeTemplate, 0, 1), (.changeTemplate, 0, 5), (.changeTemplate, 0, 0)])),
            ("a dossier moved to a sub-folder with the same bytes, then edited", scenario([
                (.renameDossier, 3, 0), (.editField, 1, 0), (.editNotes, 1, 3)])),
            ("every dossier deleted, then one added", scenario([
                (.deleteDossier, 0, 0), (.deleteDossier, 0, 0), (.deleteDossier, 0, 0), (.deleteDossier, 0, 0), (.addDossier, 0, 1)])),
            ("another day, back to the first, front-matter in between", scenario([
                (.changeDay, 0, 6), (.editField, 1, 6), (.changeDay, 0, 0), (.editField, 1, 13)])),
            ("in git: an edit, a commit, a rename committed, another day", scenario(usesGit: true, [
                (.editField, 1, 0), (.commit, 0, 0), (.renameDossier, 1, 1), (.commit, 0, 0), (.changeDay, 0, 3), (.editNotes, 0, 0)])),
        ]
    }()

    @Test(arguments: handPicked.map(\.0))
    func aHandPickedSequence(_ name: String) throws {
        let scenario = try #require(Self.handPicked.first { $0.0 == name }?.1)
        try Self.expectEqualBuilds(scenario)
    }

    // MARK: Checking

    /// Where a scenario first broke the law, and what was done up to there.
    struct Failure: Error {
        /// 0 for the first build, else the number of the edit after which the builds differed.
        var step: Int
        var problem: String
        var log: [String]
    }

    /// Records an issue when `scenario` breaks the law; for regression tests.
    static func expectEqualBuilds(_ scenario: Scenario, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if let failure = try firstFailure(of: scenario, printing: environment["DOSSIER_PROPERTY_VERBOSE"] == "1") {
            Issue.record("After step \(failure.step): \(failure.problem)\n\(failure.log.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }

    /// Builds the scenario's site, then after each edit builds it incrementally and clean, and returns
    /// the first difference.
    static func firstFailure(of scenario: Scenario, printing: Bool = false) throws -> Failure? {
        var site = try EditableSite(examples: scenario.examples, generated: scenario.generated, trustsStamps: scenario.trustsStamps,
                                    usesGit: scenario.usesGit)
        defer { try? FileManager.default.removeItem(at: site.root) }
        var log = ["0. a site of \(scenario.examples.joined(separator: ", ")) and \(scenario.generated) generated; stamps \(scenario.trustsStamps ? "trusted" : "never trusted")\(scenario.usesGit ? "; in git, with history" : "")"]
        var previous = Previous()
        if let problem = try compareBuilds(of: site, after: &previous) { return Failure(step: 0, problem: problem, log: log) }
        for (index, edit) in scenario.edits.enumerated() {
            log.append("\(index + 1). \(edit): \(try site.apply(edit))")
            if let problem = try compareBuilds(of: site, after: &previous) { return Failure(step: index + 1, problem: problem, log: log) }
        }
        if printing {
            print("Sequence\(scenario.seed.isEmpty ? "" : " with seed \(scenario.seed)"):\n" + log.joined(separator: "\n") + "\n" + previous.summaries.joined(separator: "\n"))
        }
        return nil
    }

    /// What the last incremental build left: its output and its diagnostics (a build that finds
    /// nothing changed reports none, and stands for the last one).
    struct Previous {
        var tree: [String: Data] = [:]
        var diagnostics: [String] = []
        /// Each build's summary, for `DOSSIER_PROPERTY_VERBOSE`.
        var summaries: [String] = []
    }

    /// Builds the site incrementally in its own output folder and clean in a new one; the problem when
    /// they differ.
    static func compareBuilds(of site: EditableSite, after previous: inout Previous) throws -> String? {
        var builder = SiteBuilder(siteRoot: site.root, asOf: site.asOf)
        builder.readsHistory = site.usesGit
        builder.audience = site.audience
        // The output does not depend on it; the sequences already run side by side.
        builder.threads = 1
        builder.usesCache = true
        let incremental = builder.build()
        let cleanFolder = try TestSupport.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: cleanFolder) }
        builder.output = cleanFolder.appendingPathComponent("output")
        builder.usesCache = false
        let clean = builder.build()

        let reported = incremental.isUpToDate ? previous.diagnostics : incremental.diagnostics.map(\.formatted)
        let expected = clean.diagnostics.map(\.formatted)
        if reported != expected {
            return "the diagnostics differ\(incremental.isUpToDate ? " (the incremental build found nothing changed)" : ""):\n"
                + difference(reported, expected)
        }
        let tree = try TestSupport.tree(at: site.root.appendingPathComponent("output"))
        if clean.hasErrors {
            // Nothing is written; the last site stays.
            if let problem = firstDifference(tree, previous.tree, names: ("now", "before the build")) {
                return "a build with errors changed the output: " + problem
            }
        } else if let problem = firstDifference(tree, try TestSupport.tree(at: builder.output), names: ("incremental", "clean")) {
            return "the output differs: " + problem
        }
        previous = Previous(tree: tree, diagnostics: reported, summaries: previous.summaries + [
            "build \(previous.summaries.count): \(incremental.isUpToDate ? "up to date" : incremental.summary), \(incremental.output?.rendered ?? 0) pages made; clean: \(clean.summary), \(tree.count) files"])
        return nil
    }

    /// The first line in which two lists of diagnostics differ.
    static func difference(_ reported: [String], _ expected: [String]) -> String {
        let index = reported.indices.first { $0 < expected.count && reported[$0] != expected[$0] } ?? min(reported.count, expected.count)
        let got = index < reported.count ? reported[index] : "(nothing more)"
        let wanted = index < expected.count ? expected[index] : "(nothing more)"
        return "  diagnostic \(index + 1) of \(reported.count) incremental, \(expected.count) clean:\n  incremental: \(got)\n  clean:       \(wanted)"
    }

    /// The first file, by path, that is in one tree only or has other bytes; nil when the trees are equal.
    static func firstDifference(_ tree: [String: Data], _ other: [String: Data], names: (String, String)) -> String? {
        for path in Set(tree.keys).union(other.keys).sorted() {
            switch (tree[path], other[path]) {
            case (nil, _): return "\(path) is only in the \(names.1) output"
            case (_, nil): return "\(path) is only in the \(names.0) output"
            case let (mine?, theirs?) where mine != theirs:
                let bytes = ([UInt8](mine), [UInt8](theirs))
                let offset = bytes.0.indices.first { $0 < bytes.1.count && bytes.0[$0] != bytes.1[$0] } ?? min(bytes.0.count, bytes.1.count)
                func excerpt(_ data: [UInt8]) -> String {
                    let start = max(0, offset - 80)
                    return String(decoding: data[start..<min(data.count, offset + 120)], as: UTF8.self)
                        .replacingOccurrences(of: "\n", with: "⏎")
                }
                let line = bytes.0[..<offset].count { $0 == UInt8(ascii: "\n") } + 1
                return "\(path) differs from byte \(offset) (line \(line); \(bytes.0.count) and \(bytes.1.count) bytes):\n"
                    + "  \(names.0): …\(excerpt(bytes.0))…\n  \(names.1): …\(excerpt(bytes.1))…"
            default: continue
            }
        }
        return nil
    }

    /// A shorter scenario that still fails: edits after the failing one dropped, then one edit at a
    /// time taken out while the rest still fails (at most 40 more runs).
    static func shrink(_ scenario: Scenario, failing failure: Failure) throws -> (scenario: Scenario, failure: Failure) {
        var best = (scenario: scenario, failure: failure)
        best.scenario.edits = Array(scenario.edits.prefix(failure.step))
        var runs = 0
        var shrinking = true
        while shrinking, runs < 40 {
            shrinking = false
            for index in best.scenario.edits.indices.reversed() where runs < 40 {
                var candidate = best.scenario
                candidate.edits.remove(at: index)
                runs += 1
                if let found = try firstFailure(of: candidate) {
                    candidate.edits = Array(candidate.edits.prefix(found.step))
                    best = (candidate, found)
                    shrinking = true
                    break
                }
            }
        }
        return best
    }
}
