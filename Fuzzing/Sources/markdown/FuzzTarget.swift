// fuzz-seeds: content/accounts/*.md Tests/DossierKitTests/Fixtures/sites/*/content/accounts/* docs/*.md README.md
// fuzz-dict: markdown.dict
@_spi(Testing) import DossierKit

let safe = MarkdownRenderer()
let unsafe = MarkdownRenderer(isUnsafeHTMLAllowed: true)
let cutEverywhere: MarkdownRenderer = {
    var renderer = MarkdownRenderer()
    renderer.minimumPieceBytes = 0
    return renderer
}()
let whole: MarkdownRenderer = {
    var renderer = MarkdownRenderer()
    renderer.rendersInSections = false
    return renderer
}()

/// libFuzzer entry point: renders any text as a dossier body, in safe mode (the default) and with raw HTML allowed.
///
/// Checks safe mode's promise: no raw HTML gets through, so no `<script` tag and no `javascript:` link;
/// and that a body rendered in pieces, cut at every place allowed, is byte for byte the whole document's HTML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let rendered = safe.render(text)
    let lowercased = rendered.html.lowercased()
    precondition(!lowercased.contains("<script"), "safe mode let a script tag through")
    precondition(!lowercased.contains("href=\"javascript:"), "safe mode let a javascript: link through")
    if let talkingPoints = rendered.talkingPointsHTML {
        precondition(!talkingPoints.lowercased().contains("<script"), "safe mode let a script tag through")
    }
    precondition(cutEverywhere.render(text) == whole.render(text), "rendering in pieces changed the HTML")
    _ = unsafe.render(text)
    return 0
}
