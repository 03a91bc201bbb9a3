import CSV
import Foundation

/// A CSV file as a CRM exports it, read into its header and records, with the file position of every field.
///
/// The text is decoded like a dossier (UTF-8, a byte-order mark dropped, CRLF and CR read as LF), the
/// delimiter is found from the header line (`;` when it has more semicolons than commas, else `,`; an
/// Excel `sep=;` first line names it outright), and the records are parsed by CSV.swift's `CSVReader`.
///
/// CSV.swift gives no positions, so they are computed here from its fields: a cursor walks the same
/// text alongside the reader, over each field's length as the reader returned it (for a quoted field,
/// two quotes plus one more for each doubled quote inside), then over one delimiter or line end. Where
/// the text is not what that predicts (a quote never closed, text after a closing quote), the file is
/// malformed: that is reported at the place and the rest of the file is not read.
struct CSVTable: Sendable {
    /// A place in the file: 1-based line and column (columns count characters, as in dossier diagnostics).
    struct Position: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    /// One record (row) after the header.
    struct Record: Sendable {
        var fields: [String]
        /// Where each field starts.
        var positions: [Position]
        /// Where the record starts.
        var start: Position { positions.first ?? Position(line: 1, column: 1) }
    }

    /// The file's path as diagnostics print it.
    var path: String
    var delimiter: Unicode.Scalar
    var header: [String]
    /// The line of the header.
    var headerLine: Int
    var records: [Record]

    /// The largest CSV file read, in bytes.
    static let byteLimit = 256 * 1024 * 1024

    /// The index of the header column named `name` (compared without surrounding spaces, ignoring case).
    func column(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// Where a field of `record` is; the record's start for a column the record does not reach.
    func location(of record: Record, column: Int) -> SourceLocation {
        let position = record.positions.indices.contains(column) ? record.positions[column] : record.start
        return SourceLocation(path: path, line: position.line, column: position.column)
    }

    /// Reads the CSV in `bytes`; returns nil with the reason when nothing can be read, and the table with
    /// the diagnostics of a malformed end otherwise.
    static func read(bytes: [UInt8], path: String) -> (CSVTable?, [Diagnostic]) {
        let text: String
        switch decodeText(of: SourceFile(path: path, slug: "", bytes: bytes), limit: byteLimit) {
        case .success(let value): text = value
        case .failure(let diagnostic):
            var diagnostic = diagnostic
            diagnostic.stage = .crmImport
            if diagnostic.problem == .binaryFile, let offset = bytes.firstIndex(of: 0) {
                // Said for dossiers ("remove it from content/accounts"); a CSV gets its own words, at the byte.
                let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
                diagnostic.problem = .csvNULByte
                diagnostic.location = SourceLocation(path: path, line: line, column: column)
            }
            return (nil, [diagnostic])
        }
        var scalars = Array(text.unicodeScalars)
        var firstLine = 1
        var delimiter: Unicode.Scalar = ","
        let headerLine = scalars.prefix { $0 != "\n" }
        if headerLine.count == 5, String(String.UnicodeScalarView(headerLine.prefix(4))).lowercased() == "sep=", let named = headerLine.last {
            delimiter = named
            scalars.removeFirst(min(scalars.count, 6))
            firstLine = 2
        } else if headerLine.filter({ $0 == ";" }).count > headerLine.filter({ $0 == "," }).count {
            delimiter = ";"
        }
        var cursor = Cursor(scalars: scalars, position: Position(line: firstLine, column: 1))
        let reader: CSVReader
        do {
            reader = try CSVReader(string: String(String.UnicodeScalarView(scalars)), hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            return (nil, [Diagnostic(.error, .csvNoHeader, at: SourceLocation(path: path), in: .crmImport)])
        }
        var rows: [Record] = []
        var diagnostics: [Diagnostic] = []
        reading: while let fields = reader.next() {
            var positions: [Position] = []
            for (index, field) in fields.enumerated() {
                positions.append(cursor.position)
                if let problem = cursor.pass(field, delimiter: delimiter, isLast: index == fields.count - 1) {
                    diagnostics.append(Diagnostic(.error, problem.0, at: SourceLocation(path: path, line: problem.1.line, column: problem.1.column),
                                                  in: .crmImport))
                    break reading
                }
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }  // a blank line
            rows.append(Record(fields: fields, positions: positions))
        }
        guard let header = rows.first else {
            return (nil, diagnostics + [Diagnostic(.error, .csvNoHeader, at: SourceLocation(path: path), in: .crmImport)])
        }
        let table = CSVTable(path: path, delimiter: delimiter, header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) },
                             headerLine: header.start.line, records: Array(rows.dropFirst()))
        return (table, diagnostics)
    }

    /// Walks the text beside the reader to know where each field starts.
    private struct Cursor {
        var scalars: [Unicode.Scalar]
        var position: Position
        var offset = 0

        init(scalars: [Unicode.Scalar], position: Position) {
            self.scalars = scalars
            self.position = position
        }

        mutating func advance(_ count: Int) {
            for scalar in scalars[offset..<min(scalars.count, offset + count)] {
                if scalar == "\n" { position.line += 1; position.column = 1 } else { position.column += 1 }
            }
            offset = min(scalars.count, offset + count)
        }

        /// Why the quoted field at the cursor is not what the reader made of it: text after its closing
        /// quote (where that text starts), or no closing quote at all (where the field opens).
        mutating func diagnoseQuotedField(delimiter: Unicode.Scalar) -> (Problem, Position) {
            let opening = position
            var index = offset + 1
            while index < scalars.count {
                if scalars[index] == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { index += 2; continue }
                    advance(index + 1 - offset)
                    return (.csvTextAfterQuote, position)
                }
                index += 1
            }
            return (.csvUnclosedQuote, opening)
        }

        /// Passes over `field` as the reader returned it and the delimiter or line end after it; returns the
        /// problem and its place when the text does not match.
        mutating func pass(_ field: String, delimiter: Unicode.Scalar, isLast: Bool) -> (Problem, Position)? {
            let length = field.unicodeScalars.count
            if offset < scalars.count, scalars[offset] == "\"" {
                let opening = position
                let raw = 2 + length + field.unicodeScalars.filter { $0 == "\"" }.count
                guard offset + raw <= scalars.count, scalars[offset + raw - 1] == "\"" else { return diagnoseQuotedField(delimiter: delimiter) }
                advance(raw)
            } else {
                advance(length)
            }
            guard offset < scalars.count else { return nil }
            let next = scalars[offset]
            if next == (isLast ? "\n" : delimiter) {
                advance(1)
                return nil
            }
            return (.csvTextAfterQuote, position)
        }
    }
}
