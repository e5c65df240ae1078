import Foundation

/// Where rendered files go: a folder on disk for `build`, memory for tests and the preview server.
public protocol OutputSink: AnyObject {
    /// Writes one file at a site path such as `hs-gdb/2023/index.html`.
    func write(_ contents: Data, to sitePath: String) throws
    /// Writes a page's text as UTF-8; an output on disk writes the string's bytes without copying them first.
    func write(_ text: String, to sitePath: String) throws
}

extension OutputSink {
    public func write(_ text: String, to sitePath: String) throws {
        try write(Data(text.utf8), to: sitePath)
    }
}

/// Keeps the site in memory, keyed by site path.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Data] = [:]

    public init() {}

    public func write(_ contents: Data, to sitePath: String) throws {
        lock.withLock { storage[sitePath] = contents }
    }

    public var files: [String: Data] { lock.withLock { storage } }

    public func text(_ sitePath: String) -> String? {
        lock.withLock { storage[sitePath] }.map { String(decoding: $0, as: UTF8.self) }
    }
}
