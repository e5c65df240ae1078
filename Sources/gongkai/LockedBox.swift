import Synchronization

/// A value shared by concurrent work, read and changed only under its lock. A class, so that escaping closures
/// (a pipe's reading handler, queue operations) can share it; a `Mutex` on its own cannot be captured by them.
final class LockedBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) {
        self.value = Mutex(value)
    }

    func withValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try value.withLock { try body(&$0) }
    }
}
