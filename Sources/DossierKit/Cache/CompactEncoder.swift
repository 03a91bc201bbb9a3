import Foundation

/// Encodes any `Encodable` value into the build cache's compact binary form, so the cache's layout is
/// derived from the model's own `Codable` conformances (synthesised by the compiler) and a field added
/// to a model type needs no hand-written mirror.
///
/// The form is positional: keys are not written, since synthesised `Codable` encodes and decodes a
/// type's properties in declaration order. Integers are LEB128 varints (signed ones zigzag-encoded),
/// doubles their 8 bytes, texts and byte arrays a varint length and their bytes; an optional value in a
/// keyed container, and every single value, carries a presence byte (0 nil, 1 present); a list carries
/// its count in 4 bytes; dictionaries with text keys are written as their entries in key order, so the
/// same value always gives the same bytes. Only the case of an enum with associated values is written
/// by name (the synthesised decoder asks for the key). `CompactDecoder` reads it back.
///
/// The form carries no version of its own: `BuildCache.format` names it, and a change of a model type
/// that moves its fields needs a new format.
struct CompactEncoder {
    /// The bytes of `value`.
    func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let sink = CompactSink()
        try sink.encodeValue(value)
        return sink.bytes
    }
}

/// Dictionaries the compact form writes as their entries in key order (a positional decoder cannot
/// list a keyed container's keys).
protocol CompactDictionary {
    func encodeEntries(to sink: CompactSink) throws
    init(entriesFrom source: CompactSource) throws
}

extension Dictionary: CompactDictionary where Key == String, Value: Codable {
    func encodeEntries(to sink: CompactSink) throws {
        sink.writeVarint(UInt64(count))
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            sink.writeString(key)
            try sink.encodeValue(value)
        }
    }

    init(entriesFrom source: CompactSource) throws {
        let count = try source.readCount()
        self.init(minimumCapacity: count)
        var previous: String?
        for _ in 0..<count {
            // Keys in strictly ascending order, as written: no duplicates, and one encoding per dictionary.
            let key = try source.readString()
            guard previous.map({ $0 < key }) ?? true else { throw CompactSource.damaged() }
            previous = key
            self[key] = try source.decodeValue(Value.self)
        }
    }
}

/// The growing bytes of one encoding, shared by the containers of its values.
final class CompactSink {
    private(set) var bytes: [UInt8] = []

    func encodeValue<Value: Encodable>(_ value: Value) throws {
        // By type, not by cast: an empty list of anything casts to `[UInt8]`.
        if Value.self == [UInt8].self, let bytes = value as? [UInt8] {
            writeBytes(bytes)
        } else if let dictionary = value as? any CompactDictionary {
            try dictionary.encodeEntries(to: self)
        } else {
            try value.encode(to: CompactEncoding(sink: self))
        }
    }

    func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    func writeSigned(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func writeFixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func writeString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func writeBytes(_ data: [UInt8]) {
        writeVarint(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    /// Reserves a list's 4-byte count, to be filled in as its elements are written.
    func reserveCount() -> Int {
        bytes.append(contentsOf: [0, 0, 0, 0])
        return bytes.count - 4
    }

    func setCount(_ count: Int, at offset: Int) {
        let value = UInt32(truncatingIfNeeded: count)
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }

    fileprivate func write(_ value: Bool) { writeByte(value ? 1 : 0) }
    fileprivate func write(_ value: String) { writeString(value) }
    fileprivate func write(_ value: Double) { writeFixed(value.bitPattern) }
    fileprivate func write(_ value: Float) { writeFixed(UInt64(value.bitPattern)) }
    fileprivate func write(_ value: some FixedWidthInteger & SignedInteger) { writeSigned(Int64(value)) }
    fileprivate func write(_ value: some FixedWidthInteger & UnsignedInteger) { writeVarint(UInt64(value)) }
}

private struct CompactEncoding: Encoder {
    let sink: CompactSink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedCompactEncoding<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedCompactEncoding(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleCompactEncoding(sink: sink)
    }
}

private struct KeyedCompactEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: CompactSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { sink.writeByte(0) }
    mutating func encode(_ value: Bool, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: String, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Float, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Int, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { sink.write(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) { sink.write(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try sink.encodeValue(value) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { present(value) { sink.write($0) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { sink.writeByte(0); return }
        sink.writeByte(1)
        try sink.encodeValue(value)
    }

    private func present<T>(_ value: T?, _ write: (T) -> Void) {
        guard let value else { sink.writeByte(0); return }
        sink.writeByte(1)
        write(value)
    }

    /// A nested container is written after its key's name: the synthesised decoder of an enum with
    /// associated values asks which case (key) follows.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.writeString(key.stringValue)
        return KeyedEncodingContainer(KeyedCompactEncoding<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.writeString(key.stringValue)
        return UnkeyedCompactEncoding(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { CompactEncoding(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { CompactEncoding(sink: sink) }
}

private struct UnkeyedCompactEncoding: UnkeyedEncodingContainer {
    let sink: CompactSink
    private let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(sink: CompactSink) {
        self.sink = sink
        countOffset = sink.reserveCount()
    }

    private mutating func added() {
        count += 1
        sink.setCount(count, at: countOffset)
    }

    mutating func encodeNil() { sink.writeByte(0); added() }
    mutating func encode(_ value: Bool) { sink.write(value); added() }
    mutating func encode(_ value: String) { sink.write(value); added() }
    mutating func encode(_ value: Double) { sink.write(value); added() }
    mutating func encode(_ value: Float) { sink.write(value); added() }
    mutating func encode(_ value: Int) { sink.write(value); added() }
    mutating func encode(_ value: Int8) { sink.write(value); added() }
    mutating func encode(_ value: Int16) { sink.write(value); added() }
    mutating func encode(_ value: Int32) { sink.write(value); added() }
    mutating func encode(_ value: Int64) { sink.write(value); added() }
    mutating func encode(_ value: UInt) { sink.write(value); added() }
    mutating func encode(_ value: UInt8) { sink.write(value); added() }
    mutating func encode(_ value: UInt16) { sink.write(value); added() }
    mutating func encode(_ value: UInt32) { sink.write(value); added() }
    mutating func encode(_ value: UInt64) { sink.write(value); added() }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value); added() }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        added()
        return KeyedEncodingContainer(KeyedCompactEncoding<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        added()
        return UnkeyedCompactEncoding(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        added()
        return CompactEncoding(sink: sink)
    }
}

/// Every single value carries a presence byte, so `Optional`'s own coding (a single value that is nil
/// or not) reads back unambiguously wherever it appears.
private struct SingleCompactEncoding: SingleValueEncodingContainer {
    let sink: CompactSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { sink.writeByte(0) }
    mutating func encode(_ value: Bool) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: String) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Double) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Float) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Int) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Int8) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Int16) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Int32) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: Int64) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: UInt) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: UInt8) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: UInt16) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: UInt32) { sink.writeByte(1); sink.write(value) }
    mutating func encode(_ value: UInt64) { sink.writeByte(1); sink.write(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { sink.writeByte(1); try sink.encodeValue(value) }
}
