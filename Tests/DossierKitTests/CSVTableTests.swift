import Foundation
import Testing
@testable import DossierKit

/// Reading CRM CSV files with CSV.swift, and the positions computed beside it.
@Suite struct CSVTableTests {
    private func read(_ text: String, bom: Bool = false) -> (CSVTable?, [Diagnostic]) {
        CSVTable.read(bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8), path: "in.csv")
    }

    private func position(_ line: Int, _ column: Int) -> CSVTable.Position { CSVTable.Position(line: line, column: column) }

    @Test func readsABOMSemicolonsAndQuotedLineBreaks() throws {
        let (table, diagnostics) = read("Name;City\r\n\"A;B\";\"Line1\r\nLine2\"\r\nC;D\r\n", bom: true)
        let csv = try #require(table)
        #expect(diagnostics.isEmpty)
        #expect(csv.delimiter == ";")
        #expect(csv.header == ["Name", "City"])
        #expect(csv.records.map(\.fields) == [["A;B", "Line1\nLine2"], ["C", "D"]])
        #expect(csv.records[0].positions == [position(2, 1), position(2, 7)])
        #expect(csv.records[1].positions == [position(4, 1), position(4, 3)])
    }

    /// A quoted field's doubled quotes, a non-ASCII letter and a field over two lines move the columns after them.
    @Test func positionsCountQuotesLettersAndLines() throws {
        let (table, _) = read("a,b,c,d\n\"x \"\"y\"\"\",Zürich,\"multi\nline\",z\n")
        let csv = try #require(table)
        #expect(csv.records[0].fields == ["x \"y\"", "Zürich", "multi\nline", "z"])
        #expect(csv.records[0].positions == [position(2, 1), position(2, 11), position(2, 18), position(3, 7)])
        #expect(csv.location(of: csv.records[0], column: 3) == SourceLocation(path: "in.csv", line: 3, column: 7))
    }

    @Test func anExcelSepLineNamesTheDelimiter() throws {
        let (table, _) = read("sep=;\nA,x;B\n1;2\n")
        let csv = try #require(table)
        #expect(csv.header == ["A,x", "B"])
        #expect(csv.headerLine == 2)
        #expect(csv.records[0].positions == [position(3, 1), position(3, 3)])
    }

    @Test func blankLinesAreSkipped() throws {
        let (table, _) = read("A,B\n\n1,2\n\n")
        #expect(table?.records.map(\.fields) == [["1", "2"]])
        #expect(table?.records.first?.start == position(3, 1))
    }

    @Test func aQuoteNeverClosedIsReportedWhereItOpens() throws {
        let (table, diagnostics) = read("A,B\n1,2\n3,\"open\n4,5\n")
        #expect(diagnostics.map(\.formatted) == ["in.csv:3:3: error: \(Problem.csvUnclosedQuote.message)"])
        #expect(table?.records.map(\.fields) == [["1", "2"]])
    }

    @Test func textAfterAClosingQuoteIsReportedWhereItStands() throws {
        let (_, diagnostics) = read("A,B\n\"x\"y,2\n")
        #expect(diagnostics.map(\.formatted) == ["in.csv:2:4: error: \(Problem.csvTextAfterQuote.message)"])
    }

    /// Thousands of generated files of commas, semicolons, quotes, line ends, spaces and letters: reading never
    /// fails, and every position names the place where its field's text starts (its opening quote, or its
    /// first character), so the positions computed beside CSV.swift agree with what CSV.swift read.
    @Test func positionsAgreeWithTheReaderOnGeneratedFiles() throws {
        let alphabet: [String] = ["a", "b", ",", ";", "\"", "\"", "\n", "\r\n", " ", "é", "华", "x"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var checked = 0
        for _ in 0..<3000 {
            let text = "h1,h2\n" + (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }.joined()
            let (table, _) = read(text)
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            for record in table?.records ?? [] {
                for (field, position) in zip(record.fields, record.positions) {
                    let line = lines[position.line - 1]
                    let start = position.column - 1
                    if let first = field.unicodeScalars.first, start < line.count, line[start] != "\"" {
                        #expect(line[start] == first, "\(text.debugDescription): field \(field.debugDescription) at \(position)")
                    }
                    #expect(start <= line.count)
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }

    @Test func aFileThatIsNotUTF8OrIsEmptyIsRefused() {
        let (utf16, utf16Problems) = CSVTable.read(bytes: [0xFF, 0xFE, 0x41, 0x00], path: "in.csv")
        #expect(utf16 == nil && utf16Problems.first?.problem == .notUTF8(encoding: "UTF-16 (little-endian)"))
        let (empty, emptyProblems) = read("")
        #expect(empty == nil && emptyProblems.map(\.problem) == [.csvNoHeader])
    }

    /// A NUL byte (a broken export) is reported where it is, as a CSV problem: not as a "binary
    /// dossier" to be removed from content/accounts.
    @Test func aNULByteIsReportedAtItsPlaceAsACSVProblem() {
        let (table, problems) = read("Account ID,Account Name\nA1,Ac\u{0}me\n")
        #expect(table == nil)
        #expect(problems.map(\.formatted) == ["in.csv:2:6: error: the file holds a NUL byte, which no CSV text has (the file is damaged or not text); export it from the CRM again"])
        #expect(problems.map(\.stage) == [.crmImport])
    }
}
