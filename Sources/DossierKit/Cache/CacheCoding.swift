/// Writes values into the build cache's compact binary form: fixed-width integers, length-prefixed text.
///
/// The cache holds thousands of decoded dossiers; a positional binary form reads back in a fraction of
/// the time JSON takes. Every value type the cache holds conforms to `CacheCodable`.
struct CacheWriter {
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

/// Reads what `CacheWriter` wrote; any truncated or impossible value throws, so a damaged cache is never trusted.
struct CacheReader {
    /// The cache is damaged, truncated or from another format.
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func read<Value: CacheCodable>(_ type: Value.Type = Value.self) throws -> Value {
        try Value(from: &self)
    }

    mutating func readBytes() throws -> ArraySlice<UInt8> {
        let count = try readCount()
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// A count of elements or bytes that could still follow, so a damaged count cannot allocate without limit.
    mutating func readCount() throws -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(count)
    }
}

/// A value the build cache can hold.
protocol CacheCodable {
    func encode(to writer: inout CacheWriter)
    init(from reader: inout CacheReader) throws
}

extension UInt64: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(self) }
    init(from reader: inout CacheReader) throws { self = try reader.readUInt64() }
}

extension Int: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(UInt64(bitPattern: Int64(self))) }
    init(from reader: inout CacheReader) throws { self = Int(Int64(bitPattern: try reader.readUInt64())) }
}

extension Double: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(bitPattern) }
    init(from reader: inout CacheReader) throws { self = Double(bitPattern: try reader.readUInt64()) }
}

extension Bool: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(UInt64(self ? 1 : 0)) }
    init(from reader: inout CacheReader) throws {
        switch try reader.readUInt64() {
        case 0: self = false
        case 1: self = true
        default: throw CacheReader.Damaged()
        }
    }
}

extension String: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.writeBytes(utf8) }
    init(from reader: inout CacheReader) throws {
        guard let text = String(validating: try reader.readBytes(), as: UTF8.self) else { throw CacheReader.Damaged() }
        self = text
    }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .none: writer.write(false)
        case .some(let value): writer.write(true); writer.write(value)
        }
    }
    init(from reader: inout CacheReader) throws {
        self = try reader.read(Bool.self) ? try reader.read(Wrapped.self) : nil
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(UInt64(count))
        for element in self { writer.write(element) }
    }
    init(from reader: inout CacheReader) throws {
        let count = try reader.readCount()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }
}

extension Dictionary: CacheCodable where Key: CacheCodable & Comparable, Value: CacheCodable {
    /// Entries in key order, so the same dictionary always gives the same bytes.
    func encode(to writer: inout CacheWriter) {
        writer.write(UInt64(count))
        for key in keys.sorted() {
            writer.write(key)
            if let value = self[key] { writer.write(value) }
        }
    }
    init(from reader: inout CacheReader) throws {
        let count = try reader.readCount()
        self = [:]
        for _ in 0..<count {
            let key = try reader.read(Key.self)
            self[key] = try reader.read(Value.self)
        }
    }
}

extension RawRepresentable where Self: CacheCodable, RawValue == String {
    func encode(to writer: inout CacheWriter) { writer.write(rawValue) }
    init(from reader: inout CacheReader) throws {
        guard let value = Self(rawValue: try reader.read(String.self)) else { throw CacheReader.Damaged() }
        self = value
    }
}
