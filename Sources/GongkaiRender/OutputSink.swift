import Foundation

/// Where rendered files go: a folder on disk for `build`, memory for tests and the preview server. Pages are
/// written from every core.
public protocol OutputSink: AnyObject, Sendable {
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
