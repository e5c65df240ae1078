import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a socket to 127.0.0.1, for tests of the preview server: plain GETs, raw paths
/// (so `..` reaches the server unnormalised), and server-sent events read as they arrive.
struct LoopbackHTTP {
    let port: Int

    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    /// A connected socket with a receive timeout, or nil.
    private func connect(timeout: TimeInterval) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); return nil }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return socket
    }

    private func send(_ socket: Int32, path: String, headers: [String: String]) {
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        _ = request.utf8CString.withUnsafeBufferPointer { Glibc.send(socket, $0.baseAddress, $0.count - 1, 0) }
    }

    func get(_ path: String, headers: [String: String] = [:], timeout: TimeInterval = 5) -> Response? {
        guard let socket = connect(timeout: timeout) else { return nil }
        defer { close(socket) }
        send(socket, path: path, headers: headers)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        var body = String(text[split.upperBound...])
        if fields["transfer-encoding"] == "chunked" { body = Self.unchunk(body) }
        return Response(status: status, headers: fields, body: body)
    }

    private static func unchunk(_ text: String) -> String {
        var rest = Substring(text), result = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = rest[start...].utf8.prefix(size)
            result += String(decoding: bytes, as: UTF8.self)
            rest = rest[rest.utf8.index(start, offsetBy: size)...].dropFirst(2)
        }
        return result
    }

    /// An open event stream; `next(event:within:)` waits for an event of that name.
    final class EventStream {
        let socket: Int32
        private var pending = ""

        init(socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        func next(event name: String, within timeout: TimeInterval) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                if let range = pending.range(of: "event: \(name)\ndata: "), let end = pending[range.upperBound...].firstIndex(of: "\n") {
                    let data = String(pending[range.upperBound..<end])
                    pending = String(pending[end...])
                    return data
                }
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { continue }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { return nil }
                pending += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return nil
        }
    }

    func events(_ path: String) -> EventStream? {
        guard let socket = connect(timeout: 10) else { return nil }
        send(socket, path: path, headers: [:])
        return EventStream(socket: socket)
    }

    /// A port nobody listens on now.
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
