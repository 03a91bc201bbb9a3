import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One blocking TCP connection to `127.0.0.1`, for requests URLSession will not send as written
/// (a foreign Host header, a 100 kB request line, a WebSocket upgrade). Every read gives up after
/// `timeout` seconds, so a server that never answers fails the test instead of hanging it.
final class RawHTTPConnection: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case cannotConnect(Int32)
        case noAnswer(received: Int)

        var description: String {
            switch self {
            case .cannotConnect(let code): "cannot connect (errno \(code))"
            case .noAnswer(let received): "no complete answer within the time limit (\(received) bytes received)"
            }
        }
    }

    /// A response as read off the wire.
    struct Response: Sendable {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let descriptor: Int32
    private var pending: [UInt8] = []

    init(port: UInt16, timeout: Int = 10) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure.cannotConnect(errno) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw Failure.cannotConnect(code)
        }
    }

    deinit { close(descriptor) }

    /// Sends `bytes`; false when the server closed the connection before taking them all (it may
    /// still have answered: read the answer anyway).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let sent = bytes[offset...].withUnsafeBytes { Glibc_send(descriptor, $0.baseAddress, $0.count, flags) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Reads one response: the head, then the body up to the end of the connection (the preview
    /// server closes every connection after its answer). With `headOnly` it stops after the head.
    func readResponse(headOnly: Bool = false) throws -> Response {
        var buffer = pending
        pending = []
        var headEnd: Int?
        while true {
            if headEnd == nil, let end = Self.endOfHead(in: buffer) {
                headEnd = end
                if headOnly { break }
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET, headEnd != nil { break }
                throw Failure.noAnswer(received: buffer.count)
            }
            buffer += chunk[0..<count]
        }
        guard let end = headEnd ?? Self.endOfHead(in: buffer) else { throw Failure.noAnswer(received: buffer.count) }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let rest = Array(buffer[end...])
        if headOnly { pending = rest }
        return Response(status: statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0, headers: headers, body: headOnly ? [] : rest)
    }

    /// Reads one unmasked WebSocket frame from the server; returns its opcode and payload.
    func readFrame() throws -> (opcode: UInt8, payload: [UInt8]) {
        func take(_ count: Int) throws -> [UInt8] {
            while pending.count < count {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if received < 0, errno == EINTR { continue }
                guard received > 0 else { throw Failure.noAnswer(received: pending.count) }
                pending += chunk[0..<received]
            }
            defer { pending.removeFirst(count) }
            return Array(pending[0..<count])
        }
        let first = try take(2)
        var length = Int(first[1] & 0x7F)
        if length == 126 {
            let extended = try take(2)
            length = Int(extended[0]) << 8 | Int(extended[1])
        } else if length == 127 {
            length = try take(8).reduce(0) { $0 << 8 | Int($1) }
        }
        return (first[0] & 0x0F, try take(length))
    }

    private static func endOfHead(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 3..<buffer.count where buffer[index] == 10 && buffer[index - 1] == 13 && buffer[index - 2] == 10 && buffer[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Runs blocking socket work on a thread of its own, so the server under test keeps the
    /// cooperative threads.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Connects, sends `request` and reads the whole response, on a thread of its own.
    /// With `headOnly` it reads only the head (for answers that may keep the connection open).
    static func exchange(port: UInt16, _ request: String, headOnly: Bool = false) async throws -> Response {
        try await exchange(port: port, Array(request.utf8), headOnly: headOnly)
    }

    static func exchange(port: UInt16, _ request: [UInt8], headOnly: Bool = false) async throws -> Response {
        try await onThread {
            let connection = try RawHTTPConnection(port: port)
            connection.send(request)
            return try connection.readResponse(headOnly: headOnly)
        }
    }
}

#if canImport(Glibc)
private let Glibc_send = Glibc.send
#else
private let Glibc_send = Darwin.send
#endif
