import Foundation

/// Tells every open page that the site changed, over server-sent events.
final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]

    /// A stream of site versions for one page; it ends when the page goes away.
    func subscribe() -> (id: UUID, stream: AsyncStream<Int>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        lock.withLock { listeners[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        _ = lock.withLock { listeners.removeValue(forKey: id) }
    }

    func announce(version: Int) {
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(version) }
    }

    /// Ends one page's stream.
    func finish(_ id: UUID) {
        lock.withLock { listeners[id] }?.finish()
    }
}
