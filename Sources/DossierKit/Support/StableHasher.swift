import Foundation

/// A 128-bit hash, stable across runs and machines (Swift's `Hasher` is seeded per process): two
/// multiply-rotate lanes over 8-byte words. Kept only for calendar events' UIDs (`CalendarEvent.uid`),
/// which calendar apps have already stored and must stay the same from one version to the next; the
/// build cache's "unchanged" decisions use SHA-256 (`ContentHasher`).
struct StableHasher: Sendable {
    private var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    mutating func add(_ text: String) {
        add(Data(text.utf8))
        add(Data([0xFF]))
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(buffer: $0) }
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(buffer: $0) }
    }

    private mutating func add(buffer: UnsafeRawBufferPointer) {
        length &+= UInt64(buffer.count)
        var index = 0
        while index + 8 <= buffer.count {
            mix(buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < buffer.count {
            tail |= UInt64(buffer[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail ^ (UInt64(buffer.count) << 56))
    }

    private mutating func mix(_ word: UInt64) {
        first = ((first ^ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(by: 31)
        second = ((second &+ word) &* 0xC4CE_B9FE_1A85_EC53).rotated(by: 27)
    }

    var hexDigest: String {
        var a = first ^ length, b = second ^ (length &* 0x9E37_79B9_7F4A_7C15)
        a = (a ^ (a >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        b = (b ^ (b >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        return [a ^ (a >> 33), b ^ (b >> 32)].map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

private extension UInt64 {
    func rotated(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
