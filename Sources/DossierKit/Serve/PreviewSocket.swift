import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP socket of the preview server (a listening one or one connection), closed when
/// released. Writes are serialised, so a live-reload message and a pong never interleave.
final class PreviewSocket: @unchecked Sendable {
    let descriptor: Int32
    private let writeLock = NSLock()

    init(descriptor: Int32) {
        self.descriptor = descriptor
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit { close(descriptor) }

    /// A socket listening on the IPv4 address `address` and `port` (0 picks a free one); throws
    /// the system's error number when it cannot.
    static func listening(address: in_addr, port: UInt16) throws -> (PreviewSocket, UInt16) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Self.lastError() }
        let listener = PreviewSocket(descriptor: descriptor)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr = address
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else { throw Self.lastError() }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw Self.lastError() }
        return (listener, UInt16(bigEndian: socketAddress.sin_port))
    }

    private static func lastError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    /// The next connection, or nil when accepting failed (try again, or stop).
    func accept() -> PreviewSocket? {
        #if canImport(Glibc)
        let connection = Glibc.accept(descriptor, nil, nil)
        #else
        let connection = Darwin.accept(descriptor, nil, nil)
        #endif
        guard connection >= 0 else { return nil }
        // Not inherited by Chromium when a brief is printed meanwhile.
        _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
        return PreviewSocket(descriptor: connection)
    }

    /// Reads up to `count` bytes: empty at the end of the stream, nil on an error or a timeout.
    func read(upTo count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received >= 0 { return Array(buffer[0..<received]) }
            if errno != EINTR { return nil }
        }
    }

    /// Reads exactly `count` bytes, or nil when the stream ends first.
    func read(exactly count: Int) -> [UInt8]? {
        var result: [UInt8] = []
        while result.count < count {
            guard let chunk = read(upTo: count - result.count), !chunk.isEmpty else { return nil }
            result += chunk
        }
        return result
    }

    /// Sends all of `bytes`; false when the peer went away or stopped reading (send timeout).
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        writeLock.withLock {
            var offset = 0
            while offset < bytes.count {
                #if canImport(Glibc)
                let flags = Int32(MSG_NOSIGNAL)
                #else
                let flags: Int32 = 0
                #endif
                let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, flags) }
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Limits how long one read or one write may block; 0 waits for ever.
    func setTimeouts(seconds: Int) {
        setTimeouts(reading: seconds, writing: seconds)
    }

    func setTimeouts(reading: Int, writing: Int) {
        var readLimit = timeval(tv_sec: reading, tv_usec: 0)
        var writeLimit = timeval(tv_sec: writing, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &readLimit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &writeLimit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Ends the connection after an answer without losing it: stops sending, then reads and drops
    /// what the client still sends (at most `limit` bytes, for at most about two seconds), so
    /// that closing does not reset the connection before the client has read the answer.
    func finish(draining limit: Int = 1 << 20, seconds: Double = 2) {
        shutdown(descriptor, Int32(SHUT_WR))
        setTimeouts(seconds: 1)
        let deadline = Date().addingTimeInterval(seconds)
        var drained = 0
        while drained < limit, Date() < deadline, let chunk = read(upTo: 65_536), !chunk.isEmpty {
            drained += chunk.count
        }
    }

    /// Wakes a thread blocked reading this socket (it then reads the end of the stream).
    func shutDown() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }
}
