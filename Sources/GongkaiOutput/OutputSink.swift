import Foundation
import GongkaiRender
import GongkaiBase
import Synchronization

/// Keeps the site in memory, keyed by site path.
public final class MemoryOutput: OutputSink {
    private let storage = Mutex<[String: Data]>([:])

    public init() {}

    public func write(_ contents: Data, to sitePath: String) throws {
        storage.withLock { $0[sitePath] = contents }
    }

    public var files: [String: Data] { storage.withLock { $0 } }

    public func text(_ sitePath: String) -> String? {
        storage.withLock { $0[sitePath] }.map { String(decoding: $0, as: UTF8.self) }
    }
}
