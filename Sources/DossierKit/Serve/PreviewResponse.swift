/// What the preview server answers to one request: status, header fields and body.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    /// Header fields besides `Content-Length` and `Connection`, which `head` adds.
    public var fields: [HTTPField]
    /// The body a GET gets; a HEAD gets the same head and no body.
    public var body: [UInt8]

    public init(status: Int, fields: [HTTPField] = [], body: [UInt8] = []) {
        self.status = status
        self.fields = fields
        self.body = body
    }

    /// A plain-text answer, e.g. for an error.
    static func text(_ status: Int, _ text: String, fields: [HTTPField] = []) -> PreviewResponse {
        PreviewResponse(status: status, fields: [HTTPField("Content-Type", "text/plain; charset=utf-8"), HTTPField("Cache-Control", "no-store")] + fields, body: Array(text.utf8))
    }

    /// The value of the header field `name` (case-insensitive), if present.
    public func value(of name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The status line and header fields, ending with the empty line. Every answer but a WebSocket
    /// upgrade (101) says `Connection: close`: the server reads one request per connection.
    public var head: [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for field in fields { text += "\(field.name): \(field.value)\r\n" }
        if status != 101 {
            text += "Content-Length: \(body.count)\r\nConnection: close\r\n"
        }
        return Array((text + "\r\n").utf8)
    }

    /// The bytes to send: the head, and the body unless the request was a HEAD.
    public func bytes(includingBody: Bool = true) -> [UInt8] {
        includingBody ? head + body : head
    }

    /// The reason phrase of the statuses the server uses.
    static func reason(for status: Int) -> String {
        switch status {
        case 101: "Switching Protocols"
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 426: "Upgrade Required"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
