// fuzz-seeds: content/accounts/*.md Tests/DossierKitTests/Fixtures/*/*/content/accounts/* Tests/DossierKitTests/Fixtures/*/*/content/accounts/*/*
// fuzz-dict: yaml.dict
import FuzzSupport
@testable import DossierKit

/// The day every run is "as of", so a crash reproduces on any date.
let asOf = Day(epochDay: 20_760)  // 2026-11-03
let config = SiteConfig()

/// libFuzzer entry point: runs one file's bytes through every per-dossier stage a build runs before Markdown
/// (decode text, split front-matter, compose YAML, decode and validate, derive figures, health rules).
///
/// Checks that every diagnostic points at a place in the file (`checkPositions`) and that a rejected dossier has
/// an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDossierPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "content/accounts/fuzz.md", slug: "fuzz", bytes: bytes)
    let (analyzed, diagnostics) = DossierPipeline.process(file, config: config, asOf: asOf)
    checkPositions(of: diagnostics, in: bytes, path: file.path)
    if analyzed == nil {
        precondition(diagnostics.contains { $0.severity == .error }, "a rejected dossier has an error")
    }
    return 0
}
