import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The listening socket of the preview server and the thread that accepts connections on it.
///
/// Each connection gets a thread of its own (blocking reads with time limits), so a slow or hostile
/// client holds up no one else; at most `maximumConnections` are open at once, beyond that new ones
/// get a 503. A pipe wakes the accepting thread when the server stops, so an idle server sleeps.
final class PreviewListener: @unchecked Sendable {
    /// Open connections at most (live-reload sockets of open pages included).
    static let maximumConnections = 256

    let port: UInt16
    private let socket: PreviewSocket
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let lock = NSLock()
    private var openConnections = 0
    private var isStopped = false

    /// Listens on the IPv4 address `address` (dotted, e.g. 127.0.0.1) and `port` (0 picks a free one).
    init(address: String, port: UInt16) throws {
        var binary = in_addr()
        guard inet_pton(AF_INET, address, &binary) == 1 else { throw POSIXError(.EINVAL) }
        (socket, self.port) = try PreviewSocket.listening(address: binary, port: port)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Starts accepting on a thread of its own; `handle` runs on a new thread per connection and
    /// owns the socket.
    func run(_ handle: @escaping @Sendable (PreviewSocket) -> Void) {
        Thread.detachNewThread { [self] in
            while true {
                var watched = [pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&watched, 2, -1)
                if ready < 0, errno == EINTR { continue }
                if ready < 0 || watched[1].revents != 0 || lock.withLock({ isStopped }) { return }
                guard let connection = socket.accept() else {
                    // Out of file descriptors, say: wait a little instead of spinning on `poll`.
                    usleep(100_000)
                    continue
                }
                let admitted = lock.withLock {
                    guard openConnections < Self.maximumConnections else { return false }
                    openConnections += 1
                    return true
                }
                guard admitted else {
                    connection.setTimeouts(seconds: 1)
                    connection.write(PreviewResponse.text(503, "too many open connections\n").bytes())
                    continue
                }
                Thread.detachNewThread { [self] in
                    handle(connection)
                    lock.withLock { openConnections -= 1 }
                }
            }
        }
    }

    /// Stops accepting (new connections are refused); open ones finish on their own.
    func stop() {
        let wasStopped = lock.withLock {
            defer { isStopped = true }
            return isStopped
        }
        guard !wasStopped else { return }
        var byte: UInt8 = 1
        _ = Glibc_write(wakeWrite, &byte, 1)
        socket.shutDown()
    }
}

#if canImport(Glibc)
private let Glibc_write = Glibc.write
#else
private let Glibc_write = Darwin.write
#endif
