import DossierKit

/// Checks what every diagnostic promises about its place: it names `path` and a line and column inside `bytes`
/// as an editor shows them (lines from 1 to one past the last; a column from 1 to one past the line's last
/// character). Traps otherwise, so the fuzzer reports the input.
///
/// Columns are checked only in valid UTF-8 without `\r`; elsewhere the line alone.
public func checkPositions(of diagnostics: [Diagnostic], in bytes: [UInt8], path: String) {
    guard !diagnostics.isEmpty else { return }
    let isPlain = !bytes.contains(UInt8(ascii: "\r")) && String(validating: bytes, as: UTF8.self) != nil
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    for diagnostic in diagnostics {
        let location = diagnostic.location
        precondition(location.path == path, "diagnostic for another file: \(diagnostic.formatted)")
        precondition((1...lines.count + 1).contains(location.line) && location.column >= 1,
                     "diagnostic outside the file's \(lines.count) lines: \(diagnostic.formatted)")
        if isPlain {
            let length = location.line <= lines.count ? lines[location.line - 1].unicodeScalars.count : 0
            precondition(location.column <= length + 1,
                         "diagnostic beyond the end of its line (\(length) characters): \(diagnostic.formatted)")
        }
    }
}
