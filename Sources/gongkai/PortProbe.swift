import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether the preview could listen where it is asked to, tried before the first build: a port in use is said at
/// once rather than after a minute's build of a large portal. The socket is closed again at once; the server binds
/// its own (with address reuse), so a port taken in between is still reported by it.
enum PortProbe {
    /// The `errno` of binding `host:port`, or nil when it can be bound (or the host does not resolve: the server
    /// says so itself).
    static func bindFailure(host: String, port: Int) -> Int32? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else { return nil }
        defer { freeaddrinfo(found) }
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return bind(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 ? nil : errno
    }
}
