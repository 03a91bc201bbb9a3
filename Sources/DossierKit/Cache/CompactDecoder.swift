import Foundation

/// Decodes what `CompactEncoder` wrote, through the model's own `Decodable` conformances. Any truncated,
/// impossible or left-over byte throws, so a damaged or foreign cache is never trusted.
struct CompactDecoder {
    /// The value in `bytes`, which must hold exactly one.
    func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let source = CompactSource(bytes)
        let value = try source.decodeValue(type)
        guard source.isAtEnd else { throw CompactSource.damaged() }
        return value
    }
}

/// The bytes of one decoding and the position in them, shared by the containers of its values.
final class CompactSource {
    private let bytes: [UInt8]
    private var offset = 0
    /// The name of the nested container that follows, once an enum's decoder has asked for it (`allKeys`).
    fileprivate var pendingKey: String?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func damaged() -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "damaged cache"))
    }

    var isAtEnd: Bool { offset == bytes.count }

    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if type == [UInt8].self {
            guard let value = try readBytes() as? Value else { throw Self.damaged() }
            return value
        } else if let dictionary = type as? any CompactDictionary.Type {
            guard let value = try dictionary.init(entriesFrom: self) as? Value else { throw Self.damaged() }
            return value
        }
        return try Value(from: CompactDecoding(source: self))
    }

    func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw Self.damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next byte, left to be read.
    func peekByte() throws -> UInt8 {
        guard offset < bytes.count else { throw Self.damaged() }
        return bytes[offset]
    }

    func readVarint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            // Only the shortest form: a value has exactly one encoding, as `CompactEncoder` writes it.
            guard shift < 64, shift < 63 || byte <= 1, shift == 0 || byte != 0 else { throw Self.damaged() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    func readSigned() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    func readFixed() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Self.damaged() }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    /// A count of elements or bytes that could still follow, so a damaged count cannot allocate without limit.
    func readCount() throws -> Int {
        let count = try readVarint()
        guard count <= UInt64(bytes.count - offset) else { throw Self.damaged() }
        return Int(count)
    }

    /// A list's 4-byte count, bounded the same way.
    func readListCount() throws -> Int {
        var count = 0
        for index in 0..<4 { count |= Int(try readByte()) << (8 * index) }
        guard count <= bytes.count - offset else { throw Self.damaged() }
        return count
    }

    func readBytes() throws -> [UInt8] {
        let count = try readCount()
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    func readString() throws -> String {
        let count = try readCount()
        defer { offset += count }
        guard let text = String(validating: bytes[offset..<offset + count], as: UTF8.self) else { throw Self.damaged() }
        return text
    }

    fileprivate func read(_ type: Bool.Type) throws -> Bool {
        switch try readByte() {
        case 0: false
        case 1: true
        default: throw Self.damaged()
        }
    }

    fileprivate func read(_ type: String.Type) throws -> String { try readString() }
    fileprivate func read(_ type: Double.Type) throws -> Double { Double(bitPattern: try readFixed()) }
    fileprivate func read(_ type: Float.Type) throws -> Float {
        guard let bits = UInt32(exactly: try readFixed()) else { throw Self.damaged() }
        return Float(bitPattern: bits)
    }
    fileprivate func read<T: FixedWidthInteger & SignedInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try readSigned()) else { throw Self.damaged() }
        return value
    }
    fileprivate func read<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try readVarint()) else { throw Self.damaged() }
        return value
    }

    /// The presence byte before an optional or single value: true when a value follows.
    fileprivate func readPresence() throws -> Bool {
        try read(Bool.self)
    }
}

private struct CompactDecoding: Decoder {
    let source: CompactSource
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedCompactDecoding<Key>(source: source))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedCompactDecoding(source: source)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        SingleCompactDecoding(source: source)
    }
}

private struct KeyedCompactDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: CompactSource
    var codingPath: [any CodingKey] { [] }

    /// Only a nested container is written after its key's name: the synthesised decoder of an enum with
    /// associated values asks for it, and gets the one key that follows.
    var allKeys: [Key] {
        if source.pendingKey == nil { source.pendingKey = try? source.readString() }
        return source.pendingKey.flatMap(Key.init(stringValue:)).map { [$0] } ?? []
    }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard try source.peekByte() == 0 else { return false }
        _ = try source.readByte()
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.read(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try source.read(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try source.read(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try source.read(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try source.read(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try source.read(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try source.read(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try source.read(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try source.read(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try source.read(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try source.read(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try source.read(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try source.read(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try source.read(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.decodeValue(type) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try source.readPresence() ? try source.read(type) : nil }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try source.readPresence() ? try source.decodeValue(type) : nil
    }

    /// A nested container follows its key's name, unless `allKeys` read it already.
    private func enter(_ key: Key) throws {
        let name = try source.pendingKey ?? source.readString()
        source.pendingKey = nil
        guard name == key.stringValue else { throw CompactSource.damaged() }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try enter(key)
        return KeyedDecodingContainer(KeyedCompactDecoding<NestedKey>(source: source))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try enter(key)
        return try UnkeyedCompactDecoding(source: source)
    }

    func superDecoder() throws -> any Decoder { CompactDecoding(source: source) }
    func superDecoder(forKey key: Key) throws -> any Decoder { CompactDecoding(source: source) }
}

private struct UnkeyedCompactDecoding: UnkeyedDecodingContainer {
    let source: CompactSource
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex == count }

    init(source: CompactSource) throws {
        self.source = source
        count = try source.readListCount()
    }

    private mutating func next<T>(_ read: (CompactSource) throws -> T) throws -> T {
        guard !isAtEnd else { throw CompactSource.damaged() }
        currentIndex += 1
        return try read(source)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try source.peekByte() == 0 else { return false }
        _ = try source.readByte()
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.read(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.read(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.read(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.read(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.read(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.read(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.read(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.read(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.read(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.read(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.decodeValue(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { KeyedDecodingContainer(KeyedCompactDecoding<NestedKey>(source: $0)) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { try UnkeyedCompactDecoding(source: $0) }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next { CompactDecoding(source: $0) }
    }
}

private struct SingleCompactDecoding: SingleValueDecodingContainer {
    let source: CompactSource
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        guard (try? source.peekByte()) == 0 else { return false }
        _ = try? source.readByte()
        return true
    }

    private func value<T>(_ read: () throws -> T) throws -> T {
        guard try source.readPresence() else { throw CompactSource.damaged() }
        return try read()
    }

    func decode(_ type: Bool.Type) throws -> Bool { try value { try source.read(type) } }
    func decode(_ type: String.Type) throws -> String { try value { try source.read(type) } }
    func decode(_ type: Double.Type) throws -> Double { try value { try source.read(type) } }
    func decode(_ type: Float.Type) throws -> Float { try value { try source.read(type) } }
    func decode(_ type: Int.Type) throws -> Int { try value { try source.read(type) } }
    func decode(_ type: Int8.Type) throws -> Int8 { try value { try source.read(type) } }
    func decode(_ type: Int16.Type) throws -> Int16 { try value { try source.read(type) } }
    func decode(_ type: Int32.Type) throws -> Int32 { try value { try source.read(type) } }
    func decode(_ type: Int64.Type) throws -> Int64 { try value { try source.read(type) } }
    func decode(_ type: UInt.Type) throws -> UInt { try value { try source.read(type) } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value { try source.read(type) } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value { try source.read(type) } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value { try source.read(type) } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value { try source.read(type) } }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value { try source.decodeValue(type) } }
}
