import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput
import Hummingbird
import ServiceLifecycle

/// Answers the preview's requests from the live site in memory: files with their MIME type and ETag, the reload
/// script and its event stream, and the error overlay on every page while the sources are broken.
struct PreviewServer: Sendable {
    let site: LiveSite
    let broadcaster: ReloadBroadcaster
    let language: Language

    static let eventsPath = "/__gongkai/events"
    static let scriptPath = "/__gongkai/live.js"

    static let mimeTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "woff2": "font/woff2", "woff": "font/woff", "pdf": "application/pdf",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "ico": "image/x-icon", "csv": "text/csv; charset=utf-8",
    ]

    func respond(to request: Request) async throws -> Response {
        let rawPath = request.uri.path
        switch rawPath {
        case Self.eventsPath: return events()
        case Self.scriptPath: return text(LiveReloadScript.source, type: "text/javascript; charset=utf-8")
        default: break
        }
        guard let sitePath = Self.sitePath(for: rawPath) else {
            return text("Bad request\n", type: "text/plain; charset=utf-8", status: .badRequest)
        }
        let snapshot = site.snapshot
        if snapshot.files[sitePath] == nil, snapshot.files[sitePath + "/index.html"] != nil {
            return Response(status: .movedPermanently, headers: [.location: rawPath + "/"])
        }
        guard let data = snapshot.files[sitePath] else {
            let page = snapshot.files["404.html"] ?? Data("Not found\n".utf8)
            return html(page, snapshot: snapshot, status: .notFound)
        }
        let type = Self.mimeTypes[(sitePath as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        if type.hasPrefix("text/html") { return html(data, snapshot: snapshot) }
        let etag = snapshot.etags[sitePath] ?? ""
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        return Response(status: .ok, headers: [.contentType: type, .eTag: etag, .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The site path a request names, or nil when it tries to leave the site: `..` in any encoding, backslashes, NULs.
    static func sitePath(for rawPath: String) -> String? {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        // Decode repeatedly, so `%252e%252e` cannot slip through as `%2e%2e`.
        var fully = decoded
        while let again = fully.removingPercentEncoding, again != fully { fully = again }
        let segments = fully.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let joined = segments.joined(separator: "/")
        return joined.isEmpty || decoded.hasSuffix("/") ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }

    /// An HTML page with the reload script, and the overlay while the latest build has errors. Pages are never cached.
    private func html(_ data: Data, snapshot: LiveSite.Snapshot, status: HTTPResponse.Status = .ok) -> Response {
        var page = String(decoding: data, as: UTF8.self)
        var injected = "<script src=\"\(Self.scriptPath)?v=\(snapshot.version)\"></script>\n"
        if snapshot.isBroken {
            injected = DiagnosticOverlay.html(snapshot.diagnostics, language: language, sourceLine: SourceLines().line) + injected
        }
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: injected, at: end.lowerBound)
        } else {
            page += injected
        }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    private func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Server-sent events: the current version on connect, then one `reload` event per rebuild.
    private func events() -> Response {
        let (id, stream) = broadcaster.subscribe()
        let version = site.snapshot.version
        let body = ResponseBody { [broadcaster] writer in
            defer { broadcaster.unsubscribe(id) }
            try await writer.write(ByteBuffer(string: "retry: 500\nevent: hello\ndata: \(version)\n\n"))
            // A page may listen for hours; when Ctrl-C stops the server, its stream ends so the server can.
            try await withGracefulShutdownHandler {
                for await version in stream {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(version)\n\n"))
                }
            } onGracefulShutdown: {
                broadcaster.finish(id)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }
}
