import Foundation
import GongkaiAnalysis
import GongkaiBase
import GongkaiModel
import GongkaiOutput
import GongkaiRender
import GongkaiSyntax
import Synchronization

/// Reports already read, keyed by file and by a fingerprint of their bytes and of everything their reading depends
/// on (schema.yaml, portal.yaml), and the departments' `org.yaml` as parsed. The preview keeps one across rebuilds,
/// so a save re-reads only the file that changed.
public final class ReportCache: Sendable {
    package struct Entry: Sendable {
        package let fingerprint: UInt64
        /// The file's modification time and size when it was read, and what its reading depended on: when all are the
        /// same, the file is not even read again.
        package let stamp: FileStatus?
        package let context: UInt64
        package let report: Report?
        package let diagnostics: [Diagnostic]
    }

    /// A YAML file as parsed, with what parsing it said.
    package struct YAMLEntry: Sendable {
        package let stamp: FileStatus
        package let node: YAMLNode?
        /// Of the file's text, for the pages that read it.
        package let fingerprint: UInt64
        package let diagnostics: [Diagnostic]
    }

    /// The entry read from an unchanged file: same modification time, size and context.
    package func entry(for path: String, stamp: FileStatus?, context: UInt64) -> Entry? {
        guard let stamp else { return nil }
        return entries.withLock { $0[path].flatMap { $0.stamp == stamp && $0.context == context ? $0 : nil } }
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let yamlEntries = Mutex<[String: YAMLEntry]>([:])

    public init() {}

    package func entry(for path: String, fingerprint: UInt64) -> Entry? {
        entries.withLock { $0[path].flatMap { $0.fingerprint == fingerprint ? $0 : nil } }
    }

    package func store(_ entry: Entry, for path: String) {
        entries.withLock { $0[path] = entry }
    }

    /// The YAML file as parsed before, if its modification time and size are the same.
    package func yamlEntry(for path: String, stamp: FileStatus) -> YAMLEntry? {
        yamlEntries.withLock { $0[path].flatMap { $0.stamp == stamp ? $0 : nil } }
    }

    package func store(_ entry: YAMLEntry, for path: String) {
        yamlEntries.withLock { $0[path] = entry }
    }
}
