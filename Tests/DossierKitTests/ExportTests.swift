import Foundation
import Testing
@testable import DossierKit

/// `dossier export` on the example site: columns, values, and the files read back by Python's csv
/// module, by the CSV library and by a JSON parser.
@Suite struct ExportTests {
    private var export: PortfolioExport { PortfolioExport(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf) }

    private func exported(_ format: PortfolioExport.Format, excel: Bool = false) throws -> String {
        switch export.text(format: format, excel: excel) {
        case .success(let text): return text
        case .failure(let list): throw list
        }
    }

    /// Runs `script` with python3, `input` as its first argument; returns what it prints.
    private func python(_ script: String, _ input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// Python's csv module reads the file (as Excel's dialect, the RFC's) into a JSON list of rows.
    private func rowsByPython(_ csv: String, encoding: String = "utf-8") throws -> [[String]] {
        let file = try TestSupport.makeTemporaryFolder().appendingPathComponent("table.csv")
        try Data(csv.utf8).write(to: file)
        let script = "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='\(encoding)') as f: print(json.dumps(list(csv.reader(f, strict=True))))"
        let output = try python(script, file.path)
        return try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
    }

    @Test func everyAccountIsOneRowWithItsFiguresInStableColumns() throws {
        let csv = try exported(.csv)
        let rows = try rowsByPython(csv)
        #expect(rows.first == PortfolioTable.columns)
        let slugs = try FileManager.default.contentsOfDirectory(atPath: TestSupport.repositoryRoot.appendingPathComponent("content/accounts").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        #expect(rows.dropFirst().map { $0[0] } == slugs)
        #expect(rows.dropFirst().allSatisfy { $0.count == PortfolioTable.columns.count })
        let nordwind = try #require(rows.first { $0.first == "nordwind-logistik" })
        let value = Dictionary(uniqueKeysWithValues: zip(PortfolioTable.columns, nordwind))
        #expect(value["name"] == "Nordwind Logistik GmbH" && value["owner"] == "Mei Chen" && value["stage"] == "mid")
        #expect(value["stage_since"] == "2025-03-01" && value["days_in_stage"] == "635")
        #expect(value["target_stage"] == "partnership" && value["target_by"] == "2027-06-30" && value["tier"] == "A")
        #expect(value["wallet_total"] == "42000000" && value["wallet_ours"] == "6100000")
        #expect(Double(value["share_of_wallet"] ?? "") == 6_100_000.0 / 42_000_000.0)
        #expect(value["open_pipeline"] == "4600000" && value["open_opportunities"] == "2")
        #expect(value["next_meeting"] == "2026-12-03" && value["days_until_meeting"] == "7")
        #expect(value["crm_id"] == "" && value["currency"] == "EUR")
        // The same text twice: the export is deterministic.
        #expect(try exported(.csv) == csv)
        // Records end in CRLF, and every field that needs quotes has them (a name with a comma).
        #expect(csv.hasSuffix("\r\n") && !csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(csv.contains("\"BrightCart Commerce, Inc.\""))
    }

    @Test func theCSVLibraryReadsTheExportBackWithAndWithoutTheExcelMark() throws {
        let plain = try exported(.csv)
        let excel = try exported(.csv, excel: true)
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(excel.dropFirst()) == plain)
        for text in [plain, excel] {
            let (table, diagnostics) = CSVTable.read(bytes: Array(text.utf8), path: "portfolio.csv")
            #expect(diagnostics.isEmpty)
            #expect(table?.header == PortfolioTable.columns)
            #expect(table?.records.map(\.fields) == PortfolioTable(analysis: SiteAnalysis.analyze(siteRoot: TestSupport.repositoryRoot, asOf: TestSupport.asOf),
                                                                   asOf: TestSupport.asOf).rows.map { $0.map(\.csvText) })
        }
        #expect(try rowsByPython(excel, encoding: "utf-8-sig") == rowsByPython(plain))
        let chinese = try rowsByPython(excel, encoding: "utf-8-sig").first { $0.first == "huaxin-electronics" }
        #expect(chinese?[1] == "深圳华芯电子股份有限公司")
    }

    @Test func theSiteBuildPublishesThePortfolioTableForSpreadsheets() throws {
        let output = try TestSupport.makeTemporaryFolder().appendingPathComponent("out")
        _ = SiteBuilder(siteRoot: TestSupport.repositoryRoot, output: output, asOf: TestSupport.asOf).build()
        let bytes = try Data(contentsOf: output.appendingPathComponent("portfolio.csv"))
        let published = String(decoding: bytes, as: UTF8.self)
        // The spreadsheet form, with its byte-order mark: what `dossier export --excel` writes, byte for byte.
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(bytes == Data(try exported(.csv, excel: true).utf8))
        #expect(try rowsByPython(published, encoding: "utf-8-sig").first == PortfolioTable.columns)
        let portfolio = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(portfolio.contains("<a href=\"portfolio.csv\" type=\"text/csv\" download>Download as a spreadsheet (CSV)</a>"))
    }

    @Test func theJSONParsesBackWithNumbersDatesAndNulls() throws {
        let json = try exported(.json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["columns"] as? [String] == PortfolioTable.columns)
        #expect(document["as_of"] as? String == "2026-11-26")
        let accounts = try #require(document["accounts"] as? [[String: Any]])
        #expect(accounts.count == 12)
        let nordwind = try #require(accounts.first { $0["slug"] as? String == "nordwind-logistik" })
        #expect(Set(nordwind.keys) == Set(PortfolioTable.columns))
        // Keys in column order, numbers in the shortest form that reads back the same.
        #expect(json.contains("\"share_of_wallet\": 0.14523809523809525,"))
        let keys = try #require(json.split(separator: "\n").first { $0.contains("{\"slug\"") }.map(String.init))
        #expect(keys.hasPrefix("    {\"slug\": \"alpenmilch-genossenschaft\", \"name\": "))
        #expect(nordwind["open_pipeline"] as? Int == 4_600_000)
        // Foundation's parser rounds the last digit on Linux; Python's reads the number exactly.
        let file = try TestSupport.makeTemporaryFolder().appendingPathComponent("portfolio.json")
        try Data(json.utf8).write(to: file)
        let exact = try python("import json, sys\nd = {a['slug']: a for a in json.load(open(sys.argv[1]))['accounts']}\n"
                               + "print(d['nordwind-logistik']['share_of_wallet'] == 6100000 / 42000000)", file.path)
        #expect(exact == "True\n")
        #expect(nordwind["next_meeting"] as? String == "2026-12-03")
        #expect(nordwind["stale"] as? Bool == false)
        #expect(nordwind["crm_id"] is NSNull)
        #expect(try exported(.json) == json)
    }

    /// Commas, quotes, line breaks, spaces at the ends and Chinese survive the quoting, read back by Python.
    @Test func rfc4180QuotingReadsBackTheSame() throws {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", " padded ", "", "华信电子", "=1+1", "\"", ",", "tab\there"]
        let csv = CSVText.record(["header"]) + CSVText.record(fields) + CSVText.record(fields.reversed())
        #expect(try rowsByPython(csv) == [["header"], fields, fields.reversed()])
        let (table, _) = CSVTable.read(bytes: Array(csv.utf8), path: "x.csv")
        // The library reads the same fields (with CRLF inside a field read as LF, as every dossier file is).
        let lf = fields.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
        #expect(table?.records.map(\.fields) == [lf, lf.reversed()])
    }

    /// Accounts imported with hostile names export to CSV and JSON that Python reads back as the same text.
    @Test func hostileNamesSurviveTheExport() throws {
        let root = try TestSupport.makeTemporaryFolder()
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/accounts"), withIntermediateDirectories: true)
        let names = ["a, \"b\"", "back\\slash", "tab\there", "two\nlines", "line\u{2028}separator", "王丽", "=cmd|' /C calc'!A0", "null"]
        var csv = CSVText.record(["Account ID", "Account Name", "Account Owner"])
        for (index, name) in names.enumerated() { csv += CSVText.record(["\(index)", "\(index) \(name)", name]) }
        try Data(csv.utf8).write(to: root.appendingPathComponent("accounts.csv"))
        let report = CRMImport(siteRoot: site, accounts: root.appendingPathComponent("accounts.csv").path, asOf: TestSupport.asOf).run(dryRun: false)
        #expect(report.diagnostics == [] && report.count(.new) == names.count)
        let export = PortfolioExport(siteRoot: site, asOf: TestSupport.asOf)
        guard case .success(let json) = export.text(format: .json), case .success(let table) = export.text(format: .csv) else {
            Issue.record("the export failed"); return
        }
        let file = root.appendingPathComponent("portfolio.json")
        try Data(json.utf8).write(to: file)
        let owners = try python("import json, sys\nprint(json.dumps([a['owner'] for a in json.load(open(sys.argv[1], encoding='utf-8'))['accounts']]))", file.path)
        #expect(Set(try JSONDecoder().decode([String].self, from: Data(owners.utf8))) == Set(names))
        let rows = try rowsByPython(table)
        #expect(Set(rows.dropFirst().map { $0[3] }) == Set(names))
        // For Excel, text that would run as a formula starts with a quote; everything else is as it was.
        guard case .success(let excel) = export.text(format: .csv, excel: true) else { Issue.record("the export failed"); return }
        let excelOwners = try rowsByPython(excel, encoding: "utf-8-sig").dropFirst().map { $0[3] }
        #expect(Set(excelOwners) == Set(names.map { $0.hasPrefix("=") ? "'" + $0 : $0 }))
        #expect(Set(rows.dropFirst().map { $0[2] }) == Set(names.indices.map(String.init)))
    }

    @Test func aSiteWithErrorsExportsNothingAndOutputIsWrittenWhole() throws {
        let site = try TestSupport.makeTemporaryFolder()
        try TestSupport.write(["content/accounts/bad.md": "---\nname: Bad\nowner: X\nstage: nowhere\n---\n"], under: site)
        let result = PortfolioExport(siteRoot: site, asOf: TestSupport.asOf).text(format: .csv)
        guard case .failure(let list) = result else { Issue.record("an export of a site with errors succeeded"); return }
        #expect(list.diagnostics.map(\.location.path) == ["content/accounts/bad.md"])
        let output = site.appendingPathComponent("out/portfolio.csv")
        #expect(PortfolioExport.write("a,b\r\n", to: output.path) == nil)
        #expect(try String(contentsOf: output, encoding: .utf8) == "a,b\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["portfolio.csv"])
        #expect(PortfolioExport.write("x", to: site.path)?.message.contains("it is a folder") == true)
    }

    /// `--output` names a file to make or replace: a FIFO, a device (`/dev/null`, `/dev/stdout`, which
    /// the rename would replace with a regular file) or a link is refused and left as it is.
    @Test func anOutputThatIsNotARegularFileIsRefusedAndKept() throws {
        let folder = try TestSupport.makeTemporaryFolder()
        let fifo = folder.appendingPathComponent("pipe.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let target = folder.appendingPathComponent("target.txt")
        try Data("kept".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(PortfolioExport.write("a,b\r\n", to: fifo.path)?.message
            == "cannot write '\(fifo.path)': it is a FIFO (named pipe); give a new file name or an existing file, or leave out --output for standard output")
        #expect(PortfolioExport.write("a,b\r\n", to: link.path)?.message
            == "cannot write '\(link.path)': it is a symbolic link; give a new file name or an existing file, or leave out --output for standard output")
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "kept")
    }
}

extension DiagnosticList: CustomStringConvertible {
    public var description: String { diagnostics.map(\.formatted).joined(separator: "\n") }
}
