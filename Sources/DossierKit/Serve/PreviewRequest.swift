/// An HTTP/1.x request head as the preview server reads it: request line and header fields
/// (`dossier serve` answers GET and HEAD only, so it never reads a body).
///
/// `PreviewRequest.parse(_:limits:)` is a pure function of the bytes: it is what the server runs on
/// every connection and what the fuzz target feeds. It reads each byte a bounded number of times,
/// and refuses a request line longer than `limits.requestLine` (414) or header fields longer than
/// `limits.headers` in all (431) before looking at their content.
public struct PreviewRequest: Sendable, Equatable {
    /// The method as sent, e.g. `GET` (methods are case-sensitive).
    public var method: String
    /// The request target as sent, e.g. `/accounts/acme/?q=1`.
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// The header fields in the order sent.
    public var fields: [HTTPField]

    public init(method: String, target: String, version: String = "HTTP/1.1", fields: [HTTPField] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
    }

    /// Every value of the header field `name` (case-insensitive), in order.
    public func values(of name: String) -> [String] {
        let lowered = name.lowercased()
        return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
    }

    /// The value of the header field `name` when it is sent exactly once, else nil.
    public func value(of name: String) -> String? {
        let all = values(of: name)
        return all.count == 1 ? all[0] : nil
    }

    /// How large a request head may be.
    public struct Limits: Sendable, Equatable {
        /// The longest request line, without its line break.
        public var requestLine: Int
        /// The most bytes of header fields, line breaks and the closing empty line included.
        public var headers: Int

        public init(requestLine: Int = 8192, headers: Int = 8192) {
            self.requestLine = requestLine
            self.headers = headers
        }

        /// 8 KB for the request line and 8 KB for the header fields.
        public static let standard = Limits()
    }

    /// Why a request head was refused, as the status to answer with.
    public struct Rejection: Error, Sendable, Equatable {
        /// 400, 414, 431 or 505.
        public var status: Int
        /// A short English explanation, sent as the response body.
        public var reason: String

        public init(status: Int, reason: String) {
            self.status = status
            self.reason = reason
        }

        static let requestLineTooLong = Rejection(status: 414, reason: "request line longer than the limit")
        static let headersTooLarge = Rejection(status: 431, reason: "header fields larger than the limit")
        static func malformed(_ reason: String) -> Rejection { Rejection(status: 400, reason: reason) }
    }

    /// Parses a request head: the request line, the header fields and the empty line that ends them.
    /// Bytes after the empty line are ignored. A head cut short is a 400.
    public static func parse(_ bytes: [UInt8], limits: Limits = .standard) -> Result<PreviewRequest, Rejection> {
        var scanner = Scanner(limits: limits)
        switch scanner.scan(bytes) {
        case .needsMore: return .failure(.malformed("incomplete request head"))
        case .rejected(let rejection): return .failure(rejection)
        case .complete(let length):
            guard let requestLineEnd = scanner.requestLineEnd else { return .failure(.malformed("no request line")) }
            return parseHead(bytes[0..<length], requestLineEnd: requestLineEnd)
        }
    }

    /// Finds the end of a request head in bytes as they arrive, enforcing the limits as it goes.
    ///
    /// Call `scan` with all bytes received so far (each call appends to the previous ones); it
    /// looks only at bytes it has not seen, so reading a head costs time linear in its length.
    public struct Scanner: Sendable {
        public enum Progress: Sendable, Equatable {
            /// No end of head yet, and no limit exceeded.
            case needsMore
            /// The head is the first `length` bytes (its closing empty line included).
            case complete(length: Int)
            case rejected(Rejection)
        }

        public let limits: Limits
        /// The index just past the request line's line feed, once seen.
        public private(set) var requestLineEnd: Int?
        private var position = 0
        private var lineStart = 0

        public init(limits: Limits = .standard) {
            self.limits = limits
        }

        public mutating func scan(_ bytes: [UInt8]) -> Progress {
            while position < bytes.count {
                let index = position
                position += 1
                guard bytes[index] == 0x0A else { continue }
                let contentEnd = index > lineStart && bytes[index - 1] == 0x0D ? index - 1 : index
                if let headersStart = requestLineEnd {
                    if index + 1 - headersStart > limits.headers { return .rejected(.headersTooLarge) }
                    if contentEnd == lineStart { return .complete(length: index + 1) }
                } else {
                    if contentEnd - lineStart > limits.requestLine { return .rejected(.requestLineTooLong) }
                    requestLineEnd = index + 1
                }
                lineStart = index + 1
            }
            if let headersStart = requestLineEnd {
                if bytes.count - headersStart > limits.headers { return .rejected(.headersTooLarge) }
            } else if bytes.count > limits.requestLine + 1 {
                // Not even the line break yet: the line (plus a carriage return) is over the limit.
                return .rejected(.requestLineTooLong)
            }
            return .needsMore
        }
    }

    private static func parseHead(_ head: ArraySlice<UInt8>, requestLineEnd: Int) -> Result<PreviewRequest, Rejection> {
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        guard let requestLine = lines.first else { return .failure(.malformed("no request line")) }
        guard !requestLine.contains(0x0D) else { return .failure(.malformed("stray carriage return in the request line")) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            return .failure(.malformed("the request line must be: method, target and version, separated by single spaces"))
        }
        guard parts[0].allSatisfy(isTokenByte) else { return .failure(.malformed("bad method")) }
        guard parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .failure(.malformed("bad characters in the request target")) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { return .failure(.malformed("bad protocol version")) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .failure(Rejection(status: 505, reason: "only HTTP/1.1 and HTTP/1.0 are served"))
        }

        var fields: [HTTPField] = []
        // The last two lines are the closing empty line and what follows its line feed (nothing).
        for line in lines.dropFirst().dropLast(2) {
            guard let first = line.first else { return .failure(.malformed("empty header line")) }
            if first == 0x20 || first == 0x09 { return .failure(.malformed("folded header lines are not accepted")) }
            guard let colon = line.firstIndex(of: 0x3A) else { return .failure(.malformed("header line without a colon")) }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return .failure(.malformed("bad header name")) }
            var value = line[line.index(after: colon)...]
            while let byte = value.first, byte == 0x20 || byte == 0x09 { value = value.dropFirst() }
            while let byte = value.last, byte == 0x20 || byte == 0x09 { value = value.dropLast() }
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                return .failure(.malformed("control character in a header value"))
            }
            fields.append(HTTPField(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        return .success(PreviewRequest(
            method: String(decoding: parts[0], as: UTF8.self),
            target: String(decoding: parts[1], as: UTF8.self),
            version: version,
            fields: fields
        ))
    }

    /// RFC 9110 `tchar`: the bytes of a method or a header name.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
