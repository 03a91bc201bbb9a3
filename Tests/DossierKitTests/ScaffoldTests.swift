import Foundation
import Testing
@testable import DossierKit

@Suite struct ScaffoldTests {
    @Test func aNewSiteAndANewDossierCheckCleanly() throws {
        let site = try TestSupport.makeTemporaryFolder().appendingPathComponent("research")
        let written = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        #expect(written == ["dossier.yml", ".gitignore", "content/accounts/example-account.md"] + EditorFiles.files.map(\.path))
        let path = try Scaffold.newDossier(slug: "acme-gmbh", name: "Acme \"Quoted\" GmbH", owner: nil, in: site, today: TestSupport.asOf)
        #expect(path == "content/accounts/acme-gmbh.md")
        let (output, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, isStrict: true, includesNotes: false).check(format: .text)
        #expect(output == "0 errors, 0 warnings in 2 dossiers\n")
        #expect(isPassing)
        let analysis = SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf)
        #expect(analysis.dossiers.map(\.dossier.name) == ["Acme \"Quoted\" GmbH", "Example Account Ltd"])
    }

    /// Uncommenting every commented key of a new dossier (dates filled in) gives a dossier that checks
    /// cleanly and has every field of the account plan.
    @Test func theSkeletonShowsTheAccountPlanAsComments() throws {
        let skeleton = DossierSkeleton.text(name: "Acme", owner: "Mei Chen", today: TestSupport.asOf)
        for key in ["influence:", "reports_to:", "our_contact:", "wins:", "objectives:", "measure:", "objective: 1", "value:", "outcomes:",
                    "agreed_by:", "opportunities:", "whitespace:", "economics:", "feasibility:", "cost_to_serve:", "governance:",
                    "sponsors:", "review_every_months:", "stage_evidence:", "supplier_status:", "joint_plan:", "by: us",
                    "original_due:", "valued:", "ask:", "fallback:", "their_interests:", "options:", "buying_basis:"] {
            #expect(skeleton.contains("# ") && skeleton.split(separator: "\n").contains { $0.hasPrefix("#") && $0.contains(key) }, "no \(key)")
        }
        let uncommented = skeleton.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            // A commented key or list item, not a sentence of explanation.
            guard line.hasPrefix("# "), (try? /^\s*(-\s+)?\{?[a-z_]+:(\s|$)/.prefixMatch(in: line.dropFirst(2))) ?? nil != nil else { return String(line) }
            return String(line.dropFirst(2))
        }.joined(separator: "\n").replacingOccurrences(of: "YYYY-MM-DD", with: "2026-11-01")
        var config = SiteConfig()
        config.offerings = ["Offering A", "Offering B", "Offering C"]
        let (analyzed, diagnostics) = TestSupport.analyze(uncommented, slug: "acme", config: config)
        #expect(diagnostics.filter { $0.severity != .note }.map(\.formatted) == [])
        let dossier = try #require(analyzed?.dossier)
        #expect(dossier.stakeholders.first?.reportsTo == "Boss Name" && dossier.stakeholders.first?.influence == .high)
        #expect(dossier.objectives.first?.target == .fraction(0.25))
        #expect(dossier.buyingBasis == [.quality, .service])
        #expect(dossier.plan.first?.objective == 1)
        #expect(dossier.value?.outcomes.first?.isMeasurable == true)
        #expect(dossier.opportunities.first?.stage == .qualify)
        #expect(dossier.whitespace.first?.coverage(of: "Offering B") == .competitor("Competitor"))
        #expect(dossier.economics?.feasibility?.verdict == .go && dossier.economics?.years.first?.grossMargin == 0.25)
        #expect(dossier.governance?.nextReviewDue == Day(year: 2027, month: 2, day: 1))
        #expect(dossier.governance?.sponsors.first?.theirs == "Their executive")
        #expect(dossier.stageEvidence?.suggestedStage == .early)
        #expect(dossier.commitments.first?.promisedBy == .us && dossier.commitments.first?.valued == .high)
        #expect(dossier.nextMeeting?.options == ["options for agreement"])
        #expect(DossierSkeleton.siteConfig.contains("# offerings: ["))
    }

    @Test func neverOverwritesAFile() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/acme.md": "my research"], under: site)
        #expect(throws: Scaffold.Failure.exists("content/accounts/acme.md")) {
            try Scaffold.newDossier(slug: "acme", name: nil, owner: nil, in: site, today: TestSupport.asOf)
        }
        #expect(try String(contentsOf: site.appendingPathComponent("content/accounts/acme.md"), encoding: .utf8) == "my research")
        try TestSupport.write(["content/accounts/dach/kessler.md": "my research"], under: site)
        #expect(throws: Scaffold.Failure.exists("content/accounts/dach/kessler.md")) {
            try Scaffold.newDossier(slug: "kessler", name: nil, owner: nil, in: site, today: TestSupport.asOf)
        }
        #expect(throws: Scaffold.Failure.notEmpty(site.path)) {
            try Scaffold.initSite(at: site, today: TestSupport.asOf)
        }
    }

    @Test(arguments: ["Acme", "acme_gmbh", "-acme", "", "acme/../x", "con", "nul", "com3"])
    func refusesBadSlugs(_ slug: String) throws {
        let site = try TestSupport.makeTemporaryFolder()
        #expect(throws: Scaffold.Failure.badSlug(slug)) {
            try Scaffold.newDossier(slug: slug, name: nil, owner: nil, in: site, today: TestSupport.asOf)
        }
    }
}
