import Synchronization

/// A number of bytes shared by the threads that read reports: each takes what it keeps while some is left.
final class ByteBudget: Sendable {
    private let left: Mutex<Int>

    init(bytes: Int) {
        left = Mutex(bytes)
    }

    /// Whether `bytes` could be taken; nothing is taken when not.
    func take(_ bytes: Int) -> Bool {
        left.withLock { left in
            guard left >= bytes else { return false }
            left -= bytes
            return true
        }
    }
}
