// fuzz-seeds: dossier.yml dossier.zh.yml Tests/DossierKitTests/Fixtures/*/*/dossier.yml
// fuzz-dict: yaml.dict
@testable import DossierKit

/// libFuzzer entry point: parses any bytes as a site's `dossier.yml`.
///
/// Checks that every diagnostic points into the file, and that settings are in their documented ranges.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSiteConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (config, diagnostics) = SiteConfig.parse(SourceFile(path: "dossier.yml", slug: "", bytes: bytes))
    let lineCount = bytes.count { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } + 1
    for diagnostic in diagnostics {
        let location = diagnostic.location
        precondition(location.path == "dossier.yml", "diagnostic for another file: \(diagnostic.formatted)")
        precondition((1...lineCount + 1).contains(location.line) && location.column >= 1,
                     "diagnostic outside the file (\(lineCount) lines): \(diagnostic.formatted)")
    }
    precondition((1...3650).contains(config.staleAfterDays))
    precondition((1...5).contains(config.matrixSplit))
    precondition(SiteConfig.languages.contains(config.language))
    return 0
}
