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
/// so a save re-reads only the file that changed; with a build cache (`BuildCache`) behind it, reports read by an
/// earlier build are taken from disk.
public final class ReportCache: Sendable {
    package struct Entry: Sendable {
        package let fingerprint: UInt64
        /// The file's modification time, size and inode when it was read, and what its reading depended on: when all
        /// are the same, the file is not even read again.
        package let stamp: FileStatus?
        package let context: UInt64
        package let report: Report?
        package let diagnostics: [Diagnostic]
        /// Whether the report's body was left on disk (`report.body` is empty until `body(of:)` loads it): a build
        /// loads the bodies of the pages it renders again, not all of them.
        package var bodyDeferred = false
    }

    /// A YAML file as parsed, with what parsing it said.
    package struct YAMLEntry: Sendable {
        package let stamp: FileStatus
        package let node: YAMLNode?
        /// Of the file's text, for the pages that read it.
        package let fingerprint: UInt64
        package let diagnostics: [Diagnostic]
    }

    /// Where reports read by earlier builds are kept, and new ones stored.
    package let store: BuildCache?
    /// Whether a report taken from the store comes without its body (a build); the preview keeps every body.
    package let defersBodies: Bool
    private let entries = Mutex<[String: Entry]>([:])
    private let yamlEntries = Mutex<[String: YAMLEntry]>([:])

    public init(store: BuildCache? = nil, defersBodies: Bool = false) {
        self.store = store
        self.defersBodies = defersBodies
    }

    /// The entry read from an unchanged file: same stamp and context. `needsBody` refuses an entry read without one.
    package func entry(folder: String, file: String, stamp: FileStatus?, context: UInt64, needsBody: Bool) -> Entry? {
        guard let stamp else { return nil }
        if let entry = entries.withLock({ $0[folder + "/" + file] }), entry.stamp == stamp, entry.context == context { return entry }
        guard let record = store?.record(folder: folder, file: file), record.stamp == stamp, record.context == context else { return nil }
        return entry(from: record, folder: folder, needsBody: needsBody)
    }

    /// The entry read from the same bytes in the same context (the fingerprint covers both).
    package func entry(folder: String, file: String, fingerprint: UInt64, needsBody: Bool) -> Entry? {
        if let entry = entries.withLock({ $0[folder + "/" + file] }), entry.fingerprint == fingerprint { return entry }
        guard let record = store?.record(folder: folder, file: file), record.fingerprint == fingerprint else { return nil }
        return entry(from: record, folder: folder, needsBody: needsBody)
    }

    /// Remembers the entry (the preview's; a build looks at each file once and keeps nothing in memory, so that
    /// the bodies it lets go are let go); `persist` also stores it in the build cache, where the body goes with it.
    /// True when it was stored there.
    @discardableResult
    package func store(_ entry: Entry, folder: String, file: String, persist: Bool) -> Bool {
        if !defersBodies { entries.withLock { $0[folder + "/" + file] = entry } }
        guard persist, let store else { return false }
        var body = entry.report?.body
        if entry.bodyDeferred {
            // A file touched but not changed: its entry is stored again with the new stamp, the body as it was kept.
            guard let kept = store.body(folder: folder, file: file, fingerprint: entry.fingerprint) else { return false }
            body = kept
        }
        return store.store(.init(file: file, tool: store.tool, context: entry.context, fingerprint: entry.fingerprint, stamp: entry.stamp,
                          report: entry.report, diagnostics: entry.diagnostics, hasBody: body != nil),
                    body: body, folder: folder)
    }

    /// The body of a report whose entry left it on disk; nil when it is gone or damaged (the report is read again).
    package func body(folder: String, file: String, fingerprint: UInt64) -> BodyHTML? {
        store?.body(folder: folder, file: file, fingerprint: fingerprint)
    }

    private func entry(from record: BuildCache.ReportRecord, folder: String, needsBody: Bool) -> Entry? {
        guard !needsBody || record.report == nil || record.hasBody else { return nil }
        var report = record.report
        let deferred = needsBody && report != nil && defersBodies
        if needsBody, !defersBodies, report != nil {
            guard let body = store?.body(folder: folder, file: record.file, fingerprint: record.fingerprint) else { return nil }
            report?.body = body
        }
        let entry = Entry(fingerprint: record.fingerprint, stamp: record.stamp, context: record.context, report: report,
                          diagnostics: record.diagnostics, bodyDeferred: deferred)
        if !defersBodies { entries.withLock { $0[folder + "/" + record.file] = entry } }
        return entry
    }

    /// The YAML file as parsed before, if its modification time and size are the same.
    package func yamlEntry(for path: String, stamp: FileStatus) -> YAMLEntry? {
        yamlEntries.withLock { $0[path].flatMap { $0.stamp == stamp ? $0 : nil } }
    }

    package func store(_ entry: YAMLEntry, for path: String) {
        yamlEntries.withLock { $0[path] = entry }
    }
}
