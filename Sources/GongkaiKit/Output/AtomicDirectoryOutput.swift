import Foundation

/// Writes the site into a hidden sibling of the output folder and swaps it in only when the whole build succeeded,
/// so a failed or interrupted build never leaves a half-written site where the old one was.
public final class AtomicDirectoryOutput: OutputSink, @unchecked Sendable {
    public let destination: URL
    public let staging: URL
    private let fileManager = FileManager.default
    private var createdFolders = Set<String>()
    private let lock = NSLock()

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    public func write(_ contents: Data, to sitePath: String) throws {
        let target = staging.appendingPathComponent(sitePath)
        let folder = target.deletingLastPathComponent().path
        // Pages are written from several threads; creating a folder twice is harmless, the set is not.
        if !lock.withLock({ createdFolders.contains(folder) }) {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = lock.withLock { createdFolders.insert(folder) }
        }
        try contents.write(to: target)
    }

    /// Puts the finished site in place of the old one: two renames, so the old site is never half replaced.
    public func commit() throws {
        let retired = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        let hadOld = fileManager.fileExists(atPath: destination.path)
        if hadOld { try fileManager.moveItem(at: destination, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if hadOld { try? fileManager.moveItem(at: retired, to: destination) }
            throw error
        }
        if hadOld { try? fileManager.removeItem(at: retired) }
    }

    /// Throws the staged files away, leaving the destination as it was.
    public func discard() {
        try? fileManager.removeItem(at: staging)
    }
}
