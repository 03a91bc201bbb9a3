// fuzz-seeds: dossier.yml dossier.zh.yml Tests/DossierKitTests/Fixtures/*/*/dossier.yml
// fuzz-dict: yaml.dict
import FuzzSupport
@testable import DossierKit

/// libFuzzer entry point: parses any bytes as a site's `dossier.yml`.
///
/// Checks that every diagnostic points at a place in the file (`checkPositions`), and that settings are in their
/// documented ranges.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSiteConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: bytes))
    checkPositions(of: diagnostics, in: bytes, path: "dossier.yml")
    precondition((1...3650).contains(config.staleAfterDays))
    precondition((1...5).contains(config.matrixSplit))
    precondition(SiteConfig.languages.contains(config.language))
    return 0
}
