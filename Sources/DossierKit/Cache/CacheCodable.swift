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
