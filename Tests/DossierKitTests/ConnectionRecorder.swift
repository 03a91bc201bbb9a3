import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that counts the connections made to it and answers each with a tiny
/// HTTP response: the witness that a page or a printed brief fetched nothing from the network.
final class ConnectionRecorder: @unchecked Sendable {
    /// The port it listens on.
    let port: UInt16
    private let socketDescriptor: Int32
    private let lock = NSLock()
    private var accepted = 0
    private var requestLines: [String] = []
    private var isStopped = false

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { close(descriptor); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in serve() }
    }

    /// How many connections were accepted so far, and the first line of each request read.
    var connections: (count: Int, requests: [String]) {
        lock.withLock { (accepted, requestLines) }
    }

    /// Stops listening.
    func stop() {
        lock.withLock { isStopped = true }
    }

    private func serve() {
        defer { close(socketDescriptor) }
        while !lock.withLock({ isStopped }) {
            var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(socketDescriptor, nil, nil)
            guard client >= 0 else { continue }
            lock.withLock { accepted += 1 }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let count = recv(client, &buffer, buffer.count, 0)
            if count > 0 {
                let line = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
                lock.withLock { requestLines.append(line) }
            }
            let response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = response.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            close(client)
        }
    }
}
