// fuzz-seeds: content/accounts/*.md Tests/DossierKitTests/Fixtures/*/*/content/accounts/* Tests/DossierKitTests/Fixtures/*/*/content/accounts/*/*
// fuzz-dict: yaml.dict
@testable import DossierKit

/// The day every run is "as of", so a crash reproduces on any date.
let asOf = Day(epochDay: 20_760)  // 2026-11-03
let config = SiteConfig()

/// libFuzzer entry point: runs one file's bytes through every per-dossier stage a build runs before Markdown
/// (decode text, split front-matter, compose YAML, decode and validate, derive figures, health rules).
///
/// Checks that every diagnostic points into the file: a line from 1 to one past its last, a column from 1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossierPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "content/accounts/fuzz.md", slug: "fuzz", bytes: bytes)
    let (analyzed, diagnostics) = DossierPipeline.process(file, config: config, asOf: asOf)
    let lineCount = bytes.count { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } + 1
    for diagnostic in diagnostics {
        let location = diagnostic.location
        precondition(location.path == file.path, "diagnostic for another file: \(diagnostic.formatted)")
        precondition((1...lineCount + 1).contains(location.line) && location.column >= 1,
                     "diagnostic outside the file (\(lineCount) lines): \(diagnostic.formatted)")
    }
    if analyzed == nil {
        precondition(diagnostics.contains { $0.severity == .error }, "a rejected dossier has an error")
    }
    return 0
}
