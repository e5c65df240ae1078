import Foundation

/// What writing report pages during the load came to: how many files, and the first failure.
final class StreamedPages: @unchecked Sendable {
    private let lock = NSLock()
    private var written = 0
    private var firstFailure: Error?

    func add(_ count: Int) { lock.withLock { written += count } }

    func fail(_ error: Error) { lock.withLock { firstFailure = firstFailure ?? error } }

    var count: Int { lock.withLock { written } }
    var failure: Error? { lock.withLock { firstFailure } }
}
