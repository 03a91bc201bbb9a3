import Crypto
import Foundation

/// SHA-256 (from swift-crypto) over a sequence of parts: the hash behind every "is this input
/// unchanged?" decision of the build cache (a dossier's bytes, its decoded form, the settings and
/// templates, a page's inputs). A vetted hash, so two different inputs are never taken for one.
///
/// Texts are followed by a byte that UTF-8 never contains (0xFF), so `["ab", "c"]` and `["a", "bc"]`
/// hash differently.
struct ContentHasher {
    private var hash = SHA256()

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        hash.update(data: Self.separator)
    }

    mutating func add(_ data: Data) {
        hash.update(data: data)
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
    }

    /// The digest as 64 lowercase hexadecimal digits.
    var hexDigest: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in hash.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The digest of `bytes` alone.
    static func hash(of bytes: [UInt8]) -> String {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.hexDigest
    }

    private static let separator: [UInt8] = [0xFF]
}
