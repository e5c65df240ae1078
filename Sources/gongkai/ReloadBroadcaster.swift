import Foundation
import Synchronization

/// Tells every open page that the site changed, over server-sent events.
final class ReloadBroadcaster: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<Int>.Continuation]>([:])

    /// A stream of site versions for one page; it ends when the page goes away.
    func subscribe() -> (id: UUID, stream: AsyncStream<Int>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        _ = listeners.withLock { $0.removeValue(forKey: id) }
    }

    func announce(version: Int) {
        for listener in listeners.withLock({ Array($0.values) }) { listener.yield(version) }
    }

    /// Ends one page's stream.
    func finish(_ id: UUID) {
        listeners.withLock { $0[id] }?.finish()
    }
}
