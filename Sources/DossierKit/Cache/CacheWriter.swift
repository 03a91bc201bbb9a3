/// Writes values into the build cache's compact binary form: fixed-width integers, length-prefixed text.
///
/// The cache holds thousands of decoded dossiers; a positional binary form reads back in a fraction of
/// the time JSON takes. Every value type the cache holds conforms to `CacheCodable`.
struct CacheWriter: Sendable {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write<Value: CacheCodable>(_ value: Value) {
        value.encode(to: &self)
    }

    mutating func writeBytes(_ data: some Collection<UInt8>) {
        write(UInt64(data.count))
        bytes.append(contentsOf: data)
    }
}
