import Foundation
import Testing
@testable import DossierKit

/// `dossier import` on a Salesforce-style export of 50 accounts, re-imports after team edits, conflicts,
/// hostile values and a Dynamics 365 export read through a mapping file.
@Suite struct ImportTests {
    static let fixture = TestSupport.fixtures.appendingPathComponent("crm/salesforce")

    /// A new site (with `dossier init`'s example dossier) and copies of the fixture's three files.
    private func makeSite() throws -> (site: URL, files: URL) {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        let files = root.appendingPathComponent("crm")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for name in ["accounts.csv", "contacts.csv", "opportunities.csv"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(name), to: files.appendingPathComponent(name))
        }
        return (site, files)
    }

    private func importer(_ site: URL, _ files: URL, contacts: Bool = true, opportunities: Bool = true, mapping: String? = nil) -> CRMImport {
        CRMImport(siteRoot: site, accounts: files.appendingPathComponent("accounts.csv").path,
                  contacts: contacts ? files.appendingPathComponent("contacts.csv").path : nil,
                  opportunities: opportunities ? files.appendingPathComponent("opportunities.csv").path : nil,
                  mapping: mapping, defaultOwner: "Team Lead", asOf: TestSupport.asOf)
    }

    private func dossiers(in site: URL) -> [String: Dossier] {
        Dictionary(uniqueKeysWithValues: SiteAnalysis.analyze(siteRoot: site, asOf: TestSupport.asOf).dossiers.map { ($0.dossier.slug, $0.dossier) })
    }

    private func text(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theSalesforceExportBecomesFiftyDossiersThatCheckCleanly() throws {
        let (site, files) = try makeSite()
        let report = importer(site, files).run(dryRun: false)
        #expect(report.count(.new) == 50 && report.count(.updated) == 0)
        let prefix = files.path + "/"
        #expect(report.diagnostics.map { $0.formatted.replacingOccurrences(of: prefix, with: "") } == [
            "accounts.csv:62:18: error: 'Account Name' is empty; it is required, so the row is skipped",
            "accounts.csv:63:62: error: 'Annual Revenue' is '1,2 Mio'; expected a number from -10^15 to 10^15, written without thousands separators, units or currency signs (such as 1840000); the row is skipped",
            "accounts.csv:64:63: error: 'Employees' is '12.5'; expected a whole number from 0 to 100000000, written without thousands separators, units or currency signs (such as 1840000); the row is skipped",
            "contacts.csv:125:19: error: 'Account Name' names 'Nordwind Logistik GmbH 0', which is not an account of the accounts file; did you mean 'Nordwind Logistik GmbH 00'?; the row is skipped",
            "contacts.csv:126:45: error: 'Last Name' is empty; it is required, so the row is skipped",
            "opportunities.csv:101:81: error: 'Close Date' is '2/30/2027'; expected a real date written MM/DD/YYYY or YYYY-MM-DD (set date_format in the --map file); the row is skipped",
            "opportunities.csv:102:63: error: 'Stage' is 'Closed Maybe'; expected a stage listed under sales_stages in the --map file (closed lost, closed won, id. decision makers, lost, needs analysis, negotiate, negotiation/review, perception analysis, proposal/price quote, propose, prospecting, qualification, qualify, value proposition, won); the row is skipped",
            "opportunities.csv:103:61: error: 'Amount' is '€5m'; expected a number from 0 to 10^15, written without thousands separators, units or currency signs (such as 1840000); the row is skipped",
        ])
        let (output, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, isStrict: true, includesNotes: false).check(format: .text)
        #expect(output == "0 errors, 0 warnings in 51 dossiers\n")
        #expect(isPassing)

        let all = dossiers(in: site)
        let muller = try #require(all["muller-schmidt-co-kg"])
        #expect(muller.crmID == "0015g00000AcC007" && muller.name == "Müller, Schmidt & Co. KG" && muller.owner == "Jonas Weber")
        #expect(muller.stage == .pre && muller.tags == ["Logistics", "Rotterdam"])
        #expect(muller.financials?.years.map { [$0.year, Int($0.revenue ?? 0), $0.employees ?? 0] } == [[2025, 375_000_000, 715]])
        #expect(muller.stakeholders.map(\.name) == ["Elena Fink", "Tomás Rossi", "Zoë García", "Wei O'Brien"])
        #expect(muller.opportunities.map { "\($0.name) \(Int($0.value ?? 0)) \($0.stage?.rawValue ?? "") \($0.close?.description ?? "") \($0.owner ?? "")" }
                == ["Fleet 2027 200000 qualify 2027-08-22 Jonas Weber", "WMS 2028 201000 propose 2028-09-23 Priya Natarajan"])
        #expect(all.values.contains { $0.name == "The \"Blue\" Company" })
        #expect(all.values.contains { $0.stakeholders.contains { $0.title == "VP \"Operations\"" } })
        let chinese = try #require(all.values.first { $0.name == "华信电子有限公司" })
        #expect(chinese.stakeholders.first?.name == "丽 王")
        #expect(all.values.first { $0.crmID == "0015g00000AcC044" }?.owner == "Team Lead")
        // The account whose opportunity rows were all refused still has the good ones; none is invented.
        #expect(all.values.filter { $0.crmID != nil }.count == 50)
        #expect(all.values.first { $0.crmID == "0015g00000AcC005" }?.opportunities.count == 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/accounts").path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    @Test func aDryRunWritesNothingAndSaysWhatWouldChange() throws {
        let (site, files) = try makeSite()
        let before = try TestSupport.tree(at: site)
        let dry = importer(site, files).run(dryRun: true)
        #expect(try TestSupport.tree(at: site) == before)
        #expect(dry.count(.new) == 50 && dry.isDryRun)
        #expect(dry.text.hasSuffix("50 new, 0 updated, 0 unchanged; 8 errors (those rows or accounts were skipped); dry run: nothing was written\n"))
        _ = importer(site, files).run(dryRun: false)
        let imported = try TestSupport.tree(at: site)
        var accounts = try String(contentsOf: files.appendingPathComponent("accounts.csv"), encoding: .utf8)
        accounts = accounts.replacingOccurrences(of: "Alpen Logistik GmbH 02", with: "Alpen Logistik GmbH 02 (Holding)")
        try Data(accounts.utf8).write(to: files.appendingPathComponent("accounts.csv"))
        let second = importer(site, files, contacts: false, opportunities: false).run(dryRun: true)
        #expect(second.entries.filter { $0.change != .unchanged } == [.init(path: "content/accounts/alpen-logistik-gmbh-02.md", change: .updated, keys: ["name"])])
        #expect(try TestSupport.tree(at: site) == imported)
    }

    /// The team edits an imported dossier (stage with a comment, a stakeholder's role, an opportunity's
    /// offering, the body); the CRM renames the account and changes an amount. The re-import changes the
    /// name and the opportunities, and every other byte stays as the team left it.
    @Test func aReimportUpdatesOnlyTheKeysTheCRMOwns() throws {
        let (site, files) = try makeSite()
        _ = importer(site, files).run(dryRun: false)
        let path = "content/accounts/muller-schmidt-co-kg.md"
        var edited = try text(site, path)
        for (old, new) in [("stage: pre\n", "stage: early   # moved after the workshop\n"),
                           ("    title: \"COO\"\n", "    title: \"COO\"\n    role: decision-maker\n    stance: supportive\n"),
                           ("  - name: \"Fleet 2027\"\n", "  - name: \"Fleet 2027\"\n    offering: AMR\n"),
                           ("## Situation\n\n", "## Situation\n\nThey consolidate suppliers; see the Leipzig notes.\n\n"),
                           ("tags: [", "# Our own notes go here.\ntags: [")] {
            #expect(edited.contains(old))
            edited = edited.replacingOccurrences(of: old, with: new)
        }
        try Data(edited.utf8).write(to: site.appendingPathComponent(path))
        for file in ["accounts.csv", "opportunities.csv", "contacts.csv"] {
            var csv = try String(contentsOf: files.appendingPathComponent(file), encoding: .utf8)
            csv = csv.replacingOccurrences(of: "\"Müller, Schmidt & Co. KG\"", with: "\"Müller, Schmidt & Co. KGaA\"")
            csv = csv.replacingOccurrences(of: "Fleet 2027,200000.00,", with: "Fleet 2027,250000.00,")
            csv = csv.replacingOccurrences(of: ";Müller, Schmidt & Co. KG;", with: ";Müller, Schmidt & Co. KGaA;")
            try Data(csv.utf8).write(to: files.appendingPathComponent(file))
        }
        let report = importer(site, files).run(dryRun: false)
        #expect(report.entries.filter { $0.change != .unchanged } == [.init(path: path, change: .updated, keys: ["name", "opportunities"])])
        let expected = edited
            .replacingOccurrences(of: "name: \"Müller, Schmidt & Co. KG\"\n", with: "name: \"Müller, Schmidt & Co. KGaA\"\n")
            .replacingOccurrences(of: "    offering: AMR\n    value: 200000\n", with: "    offering: \"AMR\"\n    value: 250000\n")
        #expect(try text(site, path) == expected)
        // Contacts are the team's once written: a new contact in the CRM does not touch the stakeholders.
        #expect(dossiers(in: site)["muller-schmidt-co-kg"]?.stakeholders.first?.role == .decisionMaker)
        let settled = try TestSupport.tree(at: site)
        let again = importer(site, files).run(dryRun: false)
        #expect(again.count(.unchanged) == 50)
        #expect(try TestSupport.tree(at: site) == settled)
    }

    @Test func aDossierWithCRLFLineEndsKeepsThem() throws {
        let (site, files) = try makeSite()
        _ = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        let path = "content/accounts/alpen-logistik-gmbh-02.md"
        let crlf = try text(site, path).replacingOccurrences(of: "\n", with: "\r\n")
        try Data(crlf.utf8).write(to: site.appendingPathComponent(path))
        var accounts = try String(contentsOf: files.appendingPathComponent("accounts.csv"), encoding: .utf8)
        accounts = accounts.replacingOccurrences(of: "Alpen Logistik GmbH 02,Priya Natarajan", with: "Alpen Logistik GmbH 02,Mei Chen")
        try Data(accounts.utf8).write(to: files.appendingPathComponent("accounts.csv"))
        let report = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        #expect(report.entries.filter { $0.change == .updated }.map(\.keys) == [["owner"]], "\(report.text)")
        #expect(try text(site, path) == crlf.replacingOccurrences(of: "owner: \"Priya Natarajan\"", with: "owner: \"Mei Chen\""))
    }

    @Test func aSlugThatBelongsToAnotherAccountIsAConflictNamingBoth() throws {
        let (site, files) = try makeSite()
        let handWritten = "---\nname: Alpen Logistik GmbH 02\nowner: Somebody\nstage: mid\ncrm_id: OTHER-7\n---\nOurs.\n"
        try TestSupport.write(["content/accounts/alpen-logistik-gmbh-02.md": handWritten], under: site)
        let report = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        let conflict = try #require(report.diagnostics.first { if case .importConflict = $0.problem { true } else { false } })
        #expect(conflict.formatted.hasSuffix(":5:1: error: 'Alpen Logistik GmbH 02' (CRM id 0015g00000AcC002) would be written to content/accounts/alpen-logistik-gmbh-02.md, which holds another account (CRM id OTHER-7); nothing was written for it: rename one of them, or set crm_id in content/accounts/alpen-logistik-gmbh-02.md if it is the same account (slug 'alpen-logistik-gmbh-02')"))
        #expect(try text(site, "content/accounts/alpen-logistik-gmbh-02.md") == handWritten)
        #expect(report.count(.new) == 49)
    }

    @Test func twoDossiersWithOneCRMIdAreAnErrorAndNeitherIsTouched() throws {
        let (site, files) = try makeSite()
        _ = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        let copy = "---\nname: Copy\nowner: X\nstage: pre\ncrm_id: \"0015g00000AcC002\"\n---\n"
        try TestSupport.write(["content/accounts/dach/copy.md": copy], under: site)
        var accounts = try String(contentsOf: files.appendingPathComponent("accounts.csv"), encoding: .utf8)
        accounts = accounts.replacingOccurrences(of: "Alpen Logistik GmbH 02,", with: "Alpen Logistik GmbH 2,")
        try Data(accounts.utf8).write(to: files.appendingPathComponent("accounts.csv"))
        let before = try TestSupport.tree(at: site)
        let report = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        #expect(report.diagnostics.map(\.message).contains(
            "the CRM id 0015g00000AcC002 is the crm_id of content/accounts/alpen-logistik-gmbh-02.md and content/accounts/dach/copy.md; keep it in one of them; that account was not imported"))
        #expect(try TestSupport.tree(at: site) == before)
    }

    @Test func withoutAnOwnerColumnTheImportNeedsOwner() throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        try TestSupport.write(["a.csv": "Account ID,Account Name\n1,Acme\n"], under: root)
        let without = CRMImport(siteRoot: site, accounts: root.appendingPathComponent("a.csv").path, asOf: TestSupport.asOf).run(dryRun: false)
        #expect(without.isAborted && without.diagnostics.map(\.message) == [
            "no column 'Account Owner' (the account's owner; or give --owner NAME for all) in the header: Account ID, Account Name; did you mean 'Account Name'? name the column in a mapping file given with --map",
        ])
        let with = CRMImport(siteRoot: site, accounts: root.appendingPathComponent("a.csv").path, defaultOwner: "Mei Chen", asOf: TestSupport.asOf).run(dryRun: false)
        #expect(with.diagnostics == [] && with.entries == [.init(path: "content/accounts/acme.md", change: .new)])
        #expect(dossiers(in: site)["acme"]?.owner == "Mei Chen")
    }

    /// CRM export → dossiers → `dossier export`: each account's id, name, owner, open opportunities and
    /// open pipeline come back as Python's csv module computes them from the CRM files.
    @Test func theCRMDataRoundTripsThroughTheExport() throws {
        let (site, files) = try makeSite()
        _ = importer(site, files).run(dryRun: false)
        guard case .success(let csv) = PortfolioExport(siteRoot: site, asOf: TestSupport.asOf).text(format: .csv) else {
            Issue.record("the export failed"); return
        }
        let exported = try TestSupport.makeTemporaryFolder().appendingPathComponent("portfolio.csv")
        try Data(csv.utf8).write(to: exported)
        let script = """
            import csv, json, sys
            folder, exported = sys.argv[1], sys.argv[2]
            def rows(name, delimiter=','):
                with open(f'{folder}/{name}', newline='', encoding='utf-8-sig') as f:
                    return list(csv.DictReader(f, delimiter=delimiter))
            bad = {'0015g00000AcC900', '0015g00000AcC901', '0015g00000AcC902', '0065g00000OpP9990', '0065g00000OpP9991', '0065g00000OpP9992'}
            expected = {}
            for a in rows('accounts.csv'):
                if a['Account ID'] not in bad:
                    expected[a['Account Name']] = [a['Account ID'], a['Account Name'], a['Account Owner'] or 'Team Lead', 0, 0.0]
            for o in rows('opportunities.csv'):
                if o['Opportunity ID'] not in bad and o['Stage'] not in ('Closed Won', 'Closed Lost'):
                    expected[o['Account Name']][3] += 1
                    expected[o['Account Name']][4] += float(o['Amount'])
            with open(exported, newline='', encoding='utf-8') as f:
                actual = {r['crm_id']: [r['crm_id'], r['name'], r['owner'], int(r['open_opportunities']), float(r['open_pipeline'])]
                          for r in csv.DictReader(f) if r['crm_id']}
            want = {v[0]: v for v in expected.values()}
            print(json.dumps({'same': actual == want, 'accounts': len(actual), 'missing': sorted(set(want) - set(actual))}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, files.path, exported.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "{\"same\": true, \"accounts\": 50, \"missing\": []}\n")
    }

    /// `crm_id` is kept by the build cache like every other field.
    @Test func theCRMIdSurvivesTheCacheForm() throws {
        let (decoded, _, diagnostics) = TestSupport.process("---\nname: Acme\nowner: Mei\nstage: pre\ncrm_id: \"0015g00000AcC002\"\n---\n")
        #expect(diagnostics.isEmpty)
        let dossier = try #require(decoded)
        #expect(dossier.crmID == "0015g00000AcC002")
        let entry = ParsedDossier.Value(dossier: dossier, body: RenderedMarkdown(html: "", talkingPointsHTML: nil))
        #expect(ParsedDossier.Value(bytes: entry.bytes)?.dossier == dossier)
    }

    /// A dossier that is a link leading out of the site is never written through.
    @Test func aLinkedDossierLeadingOutOfTheSiteIsNotWritten() throws {
        let (site, files) = try makeSite()
        _ = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        let path = "content/accounts/alpen-logistik-gmbh-02.md"
        let outside = site.deletingLastPathComponent().appendingPathComponent("outside.md")
        try FileManager.default.moveItem(at: site.appendingPathComponent(path), to: outside)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent(path), withDestinationURL: outside)
        let before = try Data(contentsOf: outside)
        var accounts = try String(contentsOf: files.appendingPathComponent("accounts.csv"), encoding: .utf8)
        accounts = accounts.replacingOccurrences(of: "Alpen Logistik GmbH 02,", with: "Alpen Logistik GmbH 2,")
        try Data(accounts.utf8).write(to: files.appendingPathComponent("accounts.csv"))
        let report = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        #expect(report.diagnostics.map(\.message).contains("cannot update \(path): it is a link that leads outside the site; it was left as it is"))
        #expect(try Data(contentsOf: outside) == before)
    }

    /// An accounts folder that is a link leading out of the site gets no new dossier either (a build
    /// would refuse every file in it).
    @Test func aLinkedAccountsFolderLeadingOutOfTheSiteGetsNoNewDossier() throws {
        let (site, files) = try makeSite()
        let accounts = site.appendingPathComponent(DossierFileLoader.accountsFolder)
        let outside = site.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: accounts, to: outside)
        try FileManager.default.createSymbolicLink(at: accounts, withDestinationURL: outside)
        let before = try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted()
        let report = importer(site, files, contacts: false, opportunities: false).run(dryRun: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted() == before)
        let path = "content/accounts/muller-schmidt-co-kg.md"
        #expect(report.diagnostics.map(\.message).contains("cannot write '\(path)': the accounts folder is a link that leads outside the site"))
    }

    /// A dossier with errors keeps its account: the import reads its `crm_id` line even when the YAML
    /// around it does not read (a duplicate key, a syntax error) and writes no second dossier for it.
    @Test(arguments: ["name: Acme\nname: Acme\n", "name: Acme\nbad: [unclosed\n"])
    func aDossierWithErrorsIsNotImportedAgainAsANewOne(_ broken: String) throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        let path = "content/accounts/acme.md"
        let before = "---\ncrm_id: \"A1\"\n\(broken)owner: Mei Chen\nstage: pre\n---\nbody\n"
        try Data(before.utf8).write(to: site.appendingPathComponent(path))
        let accounts = root.appendingPathComponent("accounts.csv")
        try Data("Account ID,Account Name,Account Owner\nA1,Acme Renamed,Jo Park\n".utf8).write(to: accounts)
        let report = CRMImport(siteRoot: site, accounts: accounts.path, asOf: TestSupport.asOf).run(dryRun: false)
        #expect(report.entries.isEmpty)
        #expect(report.diagnostics.map(\.message) == ["cannot update \(path): it has errors; run `dossier check`, fix them and import again; it was left as it is"])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/accounts/acme-renamed.md").path))
        #expect(try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) == before)
    }

    /// Values YAML would read as something else, or that break naive YAML, come back as the same text.
    @Test func hostileValuesComeOutAsYAMLThatReadsBackTheSame() throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        let hostile = ["a: #b", "yes", "null", "- leading dash", "---", "\"quoted\"", "back\\slash", "tab\there", "~", "&anchor", "*alias",
                       "!tag", "%percent", "@at", "`tick`", "{flow: map}", "[list]", "> folded", "| literal", "0x10", "1e3", "007", "true",
                       "2026-01-01", "王丽 / 华信电子", "line\u{2028}separator", "'single'", "#hash", "?question", String(repeating: "long ", count: 3000) + "end",
                       "bell\u{7}"]
        var csv = CSVText.record(["Account ID", "Account Name", "Account Owner", "Industry"])
        for (index, value) in hostile.enumerated() {
            csv += CSVText.record(["ID-\(index)", "Account \(index) \(value)", value, "x\nnew line \(value)"])
        }
        try Data(csv.utf8).write(to: root.appendingPathComponent("accounts.csv"))
        let report = CRMImport(siteRoot: site, accounts: root.appendingPathComponent("accounts.csv").path, asOf: TestSupport.asOf).run(dryRun: false)
        #expect(report.diagnostics.map(\.message) == [
            "'Account Name' is 'Account 30 bell\u{7}'; expected text without control characters (it has U+0007); the row is skipped",
        ])
        #expect(report.count(.new) == hostile.count - 1)
        let (_, isPassing) = SiteChecker(siteRoot: site, asOf: TestSupport.asOf, isStrict: true, includesNotes: false).check(format: .text)
        #expect(isPassing)
        let byID = Dictionary(uniqueKeysWithValues: dossiers(in: site).values.compactMap { dossier in dossier.crmID.map { ($0, dossier) } })
        for (index, value) in hostile.enumerated().dropLast() {
            let dossier = try #require(byID["ID-\(index)"], "no dossier for \(value)")
            #expect(dossier.name == "Account \(index) \(value)")
            #expect(dossier.owner == value)
            #expect(dossier.tags == ["x\nnew line \(value)"])
        }
        #expect(report.count(.new) == byID.count)
    }

    @Test func aDynamicsExportIsReadThroughAMappingFile() throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        _ = try Scaffold.initSite(at: site, today: TestSupport.asOf)
        let mapping = try Self.dynamicsMapping()
        try TestSupport.write([
            "mapping.yml": mapping,
            "accounts.csv": "(Do Not Modify) Account,Account Name,Owner,Annual Revenue,Number of Employees,Address 1: City\r\n"
                + "a1b2c3d4-0000-0000-0000-000000000001,Contoso Pharmaceuticals,Alex Wu,52000000,410,Redmond\r\n",
            "contacts.csv": "Full Name,Company Name,Job Title\r\nYvonne McKay,Contoso Pharmaceuticals,Purchasing Manager\r\n",
            "opportunities.csv": "Topic,Potential Customer,Est. Revenue,Pipeline Phase,Est. Close Date,Owner\r\n"
                + "Lab automation,Contoso Pharmaceuticals,120000,3-Propose,6/30/2027,Alex Wu\r\n",
        ], under: root)
        let report = CRMImport(siteRoot: site, accounts: root.appendingPathComponent("accounts.csv").path,
                               contacts: root.appendingPathComponent("contacts.csv").path,
                               opportunities: root.appendingPathComponent("opportunities.csv").path,
                               mapping: root.appendingPathComponent("mapping.yml").path, asOf: TestSupport.asOf).run(dryRun: false)
        #expect(report.diagnostics == [])
        let dossier = try #require(dossiers(in: site)["contoso-pharmaceuticals"])
        #expect(dossier.crmID == "a1b2c3d4-0000-0000-0000-000000000001" && dossier.owner == "Alex Wu" && dossier.tags == ["Redmond"])
        #expect(dossier.stakeholders.map { "\($0.name), \($0.title ?? "")" } == ["Yvonne McKay, Purchasing Manager"])
        #expect(dossier.opportunities.map { "\($0.name) \(Int($0.value ?? 0)) \($0.stage?.rawValue ?? "") \($0.close?.description ?? "")" }
                == ["Lab automation 120000 propose 2027-06-30"])
    }

    /// The Dynamics 365 mapping shown in docs/working-with-other-tools.md, taken from the page itself.
    static func dynamicsMapping() throws -> String {
        let page = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/working-with-other-tools.md"), encoding: .utf8)
        let start = try #require(page.range(of: "```yaml\n# dynamics-365.yml\n"))
        let end = try #require(page.range(of: "```", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    @Test func aBadMappingFileOrAMissingColumnStopsTheImport() throws {
        let (site, files) = try makeSite()
        try TestSupport.write(["map.yml": "acounts:\n  name: Company\ndate_format: DD-MM-YYYY\n"], under: files)
        let before = try TestSupport.tree(at: site)
        let bad = importer(site, files, mapping: files.appendingPathComponent("map.yml").path).run(dryRun: false)
        #expect(bad.isAborted && bad.text.hasSuffix("import failed: nothing was written\n"))
        #expect(bad.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "1:1 unknown key 'acounts'; did you mean 'accounts'?",
            "3:14 unknown date format 'DD-MM-YYYY'; expected one of: YYYY-MM-DD, MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY; did you mean 'DD/MM/YYYY'?",
        ])
        try TestSupport.write(["map.yml": "accounts:\n  name: Company\n"], under: files)
        let missing = importer(site, files, mapping: files.appendingPathComponent("map.yml").path).run(dryRun: false)
        #expect(missing.isAborted)
        #expect(missing.diagnostics.map(\.message) == [
            "no column 'Company' (the account's name) in the header: Account ID, Account Name, Account Owner, Type, Industry, Annual Revenue, Employees, Billing Street, Billing City; name the column in a mapping file given with --map",
        ])
        #expect(try TestSupport.tree(at: site) == before)
    }

    /// The fixture is what scripts/make-crm-fixture writes, byte for byte.
    @Test func theFixtureIsWhatItsScriptWrites() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSupport.repositoryRoot.appendingPathComponent("scripts/make-crm-fixture").path, folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try TestSupport.tree(at: folder) == TestSupport.tree(at: Self.fixture))
    }
}
