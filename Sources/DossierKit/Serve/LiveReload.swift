import Foundation

/// Tells open pages to reload after each build, over one WebSocket per page (RFC 6455, text
/// frames only). Owns the open sockets; each is read on its connection's thread until the page
/// goes away.
final class LiveReload: @unchecked Sendable {
    private let lock = NSLock()
    private var sockets: [ObjectIdentifier: PreviewSocket] = [:]
    private var isClosed = false

    /// Serves one upgraded connection until the page closes it or the server stops: answers pings
    /// and close frames, and ignores anything else a page sends. Blocks the calling thread.
    func serve(_ socket: PreviewSocket) {
        let id = ObjectIdentifier(socket)
        let registered = lock.withLock {
            if !isClosed { sockets[id] = socket }
            return !isClosed
        }
        guard registered else { return }
        defer { lock.withLock { _ = sockets.removeValue(forKey: id) } }
        // An open page sends nothing for hours; a page that stops reading must not hold up a build.
        socket.setTimeouts(reading: 0, writing: 10)
        while let frame = Self.readFrame(from: socket) {
            switch frame.opcode {
            case 0x8:
                socket.write(Self.frame(opcode: 0x8, payload: []))
                return
            case 0x9:
                socket.write(Self.frame(opcode: 0xA, payload: frame.payload))
            default:
                continue
            }
        }
    }

    /// Announces a new build to every open page.
    func publish() {
        let open = lock.withLock { Array(sockets.values) }
        let message = Self.frame(opcode: 0x1, payload: Array("reload".utf8))
        for socket in open { socket.write(message) }
    }

    /// Closes every socket and refuses new ones.
    func closeAll() {
        let open = lock.withLock {
            isClosed = true
            return Array(sockets.values)
        }
        for socket in open { socket.shutDown() }
    }

    /// One unfragmented frame from the server (servers do not mask).
    static func frame(opcode: UInt8, payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x80 | opcode]
        switch payload.count {
        case 0..<126: bytes.append(UInt8(payload.count))
        case 126...0xFFFF: bytes += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default: bytes += [127] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        return bytes + payload
    }

    /// The largest frame a page may send: the reload channel carries nothing from pages but
    /// control frames (at most 125 bytes).
    static let largestFrame = 4096

    /// Reads one frame from a page (pages must mask); nil at the end of the stream or on a frame
    /// that breaks the protocol or is too large.
    static func readFrame(from socket: PreviewSocket) -> (opcode: UInt8, payload: [UInt8])? {
        guard let header = socket.read(exactly: 2), header[1] & 0x80 != 0 else { return nil }
        var length = Int(header[1] & 0x7F)
        if length == 126 {
            guard let extended = socket.read(exactly: 2) else { return nil }
            length = Int(extended[0]) << 8 | Int(extended[1])
        } else if length == 127 {
            return nil
        }
        guard length <= largestFrame, let mask = socket.read(exactly: 4) else { return nil }
        guard let masked = length == 0 ? [] : socket.read(exactly: length) else { return nil }
        let payload = masked.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        return (header[0] & 0x0F, payload)
    }
}
