// fuzz-seeds: content/accounts/*.md Tests/DossierKitTests/Fixtures/*/*/content/accounts/* Tests/DossierKitTests/Fixtures/*/*/content/accounts/*/*
// fuzz-dict: yaml.dict
import DossierKit

/// libFuzzer entry point: splits any text at its front-matter fences.
///
/// Checks what a split promises: the YAML and the body are pieces of the text, in order, at the lines it says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch FrontMatter.split(text, path: "fuzz.md") {
    case .success(let split):
        precondition(text.hasPrefix("---"), "a split text starts with a fence")
        precondition(text.hasSuffix(split.body), "the body is the end of the text")
        precondition(split.yaml.isEmpty || text.contains(split.yaml), "the YAML is a piece of the text")
        let linesBeforeBody = text.utf8.dropLast(split.body.utf8.count).filter { $0 == UInt8(ascii: "\n") }.count
        precondition(split.body.isEmpty || split.bodyLine == linesBeforeBody + 1, "the body starts on bodyLine")
    case .failure(let diagnostic):
        precondition(diagnostic.severity == .error && diagnostic.location.path == "fuzz.md")
    }
    return 0
}
