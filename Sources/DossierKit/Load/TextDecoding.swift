/// Turns a file's bytes into text, refusing binary files, oversized files and invalid UTF-8.
///
/// A leading byte-order mark is dropped and CRLF line ends become LF, so line numbers stay those an editor shows.
public func decodeText(of file: SourceFile, limit: Int) -> Result<String, Diagnostic> {
    let bytes = file.bytes
    func failure(_ problem: Problem, line: Int = 1, column: Int = 1) -> Result<String, Diagnostic> {
        .failure(Diagnostic(.error, problem, at: SourceLocation(path: file.path, line: line, column: column), in: .load))
    }
    if bytes.count > limit {
        return failure(.tooLarge(bytes: bytes.count, limit: limit))
    }
    if let encoding = unicodeEncodingOtherThanUTF8(of: bytes) {
        return failure(.notUTF8(encoding: encoding))
    }
    if bytes.contains(0) {
        return failure(.binaryFile)
    }
    guard var text = String(validating: bytes, as: UTF8.self) else {
        let (line, column) = lineAndColumn(ofByte: firstInvalidUTF8Offset(in: bytes) ?? 0, in: bytes)
        return failure(.invalidUTF8, line: line, column: column)
    }
    if text.hasPrefix("\u{FEFF}") {
        text.removeFirst()
    }
    if bytes.contains(UInt8(ascii: "\r")) {
        // On bytes, not characters: Foundation's search would take `\n` and a combining mark after it for one
        // character and miss the `\r\n`. CR and LF never occur inside a longer UTF-8 sequence.
        var unix: [UInt8] = []
        unix.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                unix.append(UInt8(ascii: "\n"))
            } else if byte != UInt8(ascii: "\n") || previous != UInt8(ascii: "\r") {
                unix.append(byte)
            }
            previous = byte
        }
        text = String(decoding: unix, as: UTF8.self)
    }
    return .success(text)
}

/// The name of the encoding when the bytes are UTF-16 or UTF-32 text: by its byte-order mark, or for
/// UTF-16 without one, by the zero bytes that every other position of Latin text has.
func unicodeEncodingOtherThanUTF8(of bytes: [UInt8]) -> String? {
    let start = Array(bytes.prefix(4))
    if start == [0xFF, 0xFE, 0, 0] { return "UTF-32 (little-endian)" }
    if start == [0, 0, 0xFE, 0xFF] { return "UTF-32 (big-endian)" }
    if start.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
    if start.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
    // Without a mark: in the first 4 KB, nine in ten bytes on one side of each pair are zero, almost none on the other.
    let sample = bytes.prefix(4096)
    let pairs = sample.count / 2
    guard pairs >= 2 else { return nil }
    var zeros = (even: 0, odd: 0)
    for (offset, byte) in sample.prefix(pairs * 2).enumerated() where byte == 0 {
        if offset % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
    }
    if zeros.odd * 10 >= pairs * 9, zeros.even * 10 < pairs { return "UTF-16 (little-endian)" }
    if zeros.even * 10 >= pairs * 9, zeros.odd * 10 < pairs { return "UTF-16 (big-endian)" }
    return nil
}

/// The byte offset of the first byte that does not start or continue a valid UTF-8 sequence.
func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: index += 1; continue
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return index
        }
        guard index + length <= bytes.count else { return index }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let range = offset == 1 ? lower...upper : 0x80...0xBF
            guard range.contains(byte) else { return index }
        }
        index += length
    }
    return nil
}

/// The 1-based line and column (counted in characters of valid text before it) of a byte offset.
func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
    }
    let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
    return (line, prefix.unicodeScalars.count + 1)
}
