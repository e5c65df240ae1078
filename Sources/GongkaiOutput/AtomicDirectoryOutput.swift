import Foundation
import GongkaiRender
import GongkaiBase
import Synchronization

/// Writes the site into a hidden sibling of the output folder and swaps it in only when the whole build succeeded,
/// so a failed or interrupted build never leaves a half-written site where the old one was.
public final class AtomicDirectoryOutput: OutputSink {
    public let destination: URL
    public let staging: URL
    private let stagingPath: String
    private var fileManager: FileManager { .default }
    private let createdFolders = Mutex(Set<String>())
    /// rename(2); a test passes another to make one step of the swap fail.
    private let rename: @Sendable (_ from: String, _ to: String) throws -> Void

    public convenience init(destination: URL) throws {
        try self.init(destination: destination, rename: AtomicDirectoryOutput.systemRename)
    }

    package init(destination: URL, rename: @escaping @Sendable (_ from: String, _ to: String) throws -> Void) throws {
        self.rename = rename
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        stagingPath = staging.path
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    public func write(_ contents: Data, to sitePath: String) throws {
        let path = try preparePath(for: sitePath)
        try contents.withUnsafeBytes { try Self.writeFile($0, atPath: path) }
    }

    public func write(_ text: String, to sitePath: String) throws {
        let path = try preparePath(for: sitePath)
        var text = text
        try text.withUTF8 { try Self.writeFile(UnsafeRawBufferPointer($0), atPath: path) }
    }

    /// Puts the output folder's current file at `sitePath` into the new site as it is: a hard link, so the file is
    /// not written again and keeps its modification time (a publishing tool that compares times sends only what
    /// changed). False when it cannot be linked (no such file, another file system): the page is rendered instead.
    public func keep(_ sitePath: String) -> Bool {
        guard let path = try? preparePath(for: sitePath) else { return false }
        return link(destination.path + "/" + sitePath, path) == 0
    }

    /// The staged file at `sitePath` as written.
    package func status(of sitePath: String) -> FileStatus? {
        FileStatus(path: stagingPath + "/" + sitePath)
    }

    /// Every file under `folder` (hidden ones too), by path relative to it; empty when there is no such folder.
    package static func files(in folder: URL) -> [String: FileStatus] {
        var files: [String: FileStatus] = [:]
        func walk(_ path: String, _ prefix: String) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                guard let status = FileStatus(path: path + "/" + name) else { continue }
                if status.kind == .directory {
                    walk(path + "/" + name, prefix + name + "/")
                } else {
                    files[prefix + name] = status
                }
            }
        }
        walk(folder.standardizedFileURL.path, "")
        return files
    }

    /// The file's path in the staging folder, its folders made.
    private func preparePath(for sitePath: String) throws -> String {
        var folder = stagingPath
        for component in sitePath.split(separator: "/").dropLast() {
            folder += "/" + component
            try makeFolder(folder)
        }
        return stagingPath + "/" + sitePath
    }

    /// One mkdir(2) per folder, remembered: Foundation's `createDirectory(withIntermediateDirectories:)` examines every
    /// parent again on each call, and a site writes a thousand files into a few hundred folders. Pages are written from several threads; creating a folder
    /// twice is harmless (EEXIST), the set is not.
    private func makeFolder(_ path: String) throws {
        guard !createdFolders.withLock({ $0.contains(path) }) else { return }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw WriteError(path: path, code: errno) }
        _ = createdFolders.withLock { $0.insert(path) }
    }

    /// Plain open-write-close. Foundation's `Data.write` syncs every file to disk, which made a thousand-page build
    /// wait on the disk; the site becomes visible by the folder rename in `commit`, not file by file.
    private static func writeFile(_ buffer: UnsafeRawBufferPointer, atPath path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, code: errno)
            }
            offset += written
        }
    }

    /// Puts the finished site in place of the old one: two renames, so the old site is never half replaced. When the
    /// second rename fails the old site is renamed back; when that fails too, the error says where the old site is.
    public func commit() throws {
        let retired = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)").path
        let hadOld = fileManager.fileExists(atPath: destination.path)
        if hadOld { try rename(destination.path, retired) }
        do {
            try rename(stagingPath, destination.path)
        } catch {
            guard hadOld else { throw error }
            do {
                try rename(retired, destination.path)
            } catch let restoring {
                throw CommitFailure(placing: error, restoring: restoring, previousSite: retired)
            }
            throw error
        }
        // The new site is in place; an old one left behind is a hidden folder, not a fault of the build.
        if hadOld { try? fileManager.removeItem(atPath: retired) }
    }

    @Sendable private static func systemRename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw RenameError(from: from, to: to, code: errno) }
    }

    /// Throws the staged files away, leaving the destination as it was.
    public func discard() {
        try? fileManager.removeItem(at: staging)
    }
}

/// A file of the site that could not be written, with the system's reason (`No space left on device`).
package struct WriteError: LocalizedError {
    package let path: String
    package let code: Int32

    package var errorDescription: String? { "cannot write \(path): \(String(cString: strerror(code)))" }
}

/// A folder that could not be renamed, with the system's reason.
package struct RenameError: LocalizedError {
    package let from: String
    package let to: String
    package let code: Int32

    package var errorDescription: String? { "cannot rename \(from) to \(to): \(String(cString: strerror(code)))" }
}

/// The new site could not be put in place and the old one could not be put back: the output folder is missing, and
/// the user must be told where the old site went.
package struct CommitFailure: LocalizedError {
    package let placing: Error
    package let restoring: Error
    package let previousSite: String

    package var errorDescription: String? {
        "the new site could not be put in place (\(placing.localizedDescription)), and the previous site could not be put back "
            + "(\(restoring.localizedDescription)): it is kept in \(previousSite)"
    }
}
