// fuzz-seeds: Fuzzing/seeds/preview-request/*
// fuzz-dict: http.dict
import DossierKit
import Foundation

/// A served folder with one page and a secret beside it, made once per fuzzing process.
let fixture: (root: URL, secret: String) = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fuzz-\(getpid())")
    let root = folder.appendingPathComponent("site")
    let page = root.appendingPathComponent("accounts/acme")
    let secret = "SECRET-OUTSIDE-THE-SITE"
    do {
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
        try Data("<p>acme</p>".utf8).write(to: page.appendingPathComponent("index.html"))
        try Data(secret.utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: folder)
    } catch {
        preconditionFailure("cannot make the fuzz fixture in \(folder.path): \(error)")
    }
    return (root, secret)
}()

let responder = PreviewResponder(root: fixture.root, host: "127.0.0.1", port: 8000)
let known: Set<Int> = [101, 200, 301, 400, 403, 404, 405, 414, 421, 426, 431, 505]

/// libFuzzer entry point: answers any bytes as the head of a request to the preview server.
///
/// Checks the server's promises: every answer has a known status, nothing outside the served folder is ever
/// sent (not through `..`, escapes or a link), a request for a host the server does not answer to gets 421 or
/// 400 and no page, and the head that goes on the wire holds no bare line break a client could split.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPreviewRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let head = Array(UnsafeBufferPointer(start: data, count: size))
    let response = responder.response(toHead: head)
    precondition(known.contains(response.status), "unexpected status \(response.status)")
    let body = String(decoding: response.body, as: UTF8.self)
    precondition(!body.contains(fixture.secret), "a file outside the served folder was sent")
    if case .success(let request) = PreviewRequest.parse(head) {
        let hosts = request.values(of: "Host")
        if hosts.count == 1, let host = hosts.first, !responder.allowedHosts.contains(host.lowercased()) {
            precondition([400, 421].contains(response.status), "answered \(response.status) for the host '\(host)'")
        }
    }
    let lines = String(decoding: response.head, as: UTF8.self).components(separatedBy: "\r\n")
    precondition(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") }, "a bare line break in the response head")
    return 0
}
