import Foundation
import GongkaiBase
import GongkaiModel

/// What one build leaves on disk for the next (`.gongkai-cache/` in the project folder by default): each report as
/// read and analysed, with its body's HTML apart, and for each output folder which page each of its files was
/// rendered from. Every entry names the Gongkai that made it and what it depends on, and is checksummed
/// (`CacheFile`): an entry from another Gongkai, for other sources, or damaged, is never used — what it held is
/// built again. Nothing here can fail a build: a cache that cannot be read or written only makes it slower.
public struct BuildCache: Sendable {
    public let directory: URL
    /// Gongkai's version and the build of its executable, so a new Gongkai never uses an old one's results.
    public let tool: String

    public init(directory: URL, tool: String) {
        self.directory = directory.standardizedFileURL
        self.tool = tool
    }

    /// Removes the cache; false when there was none.
    public static func clean(_ directory: URL) throws -> Bool {
        guard FileManager.default.fileExists(atPath: directory.path) else { return false }
        try FileManager.default.removeItem(at: directory)
        return true
    }

    // MARK: Reports

    /// What is kept of one report file besides its body.
    package struct ReportRecord: Sendable {
        /// The file, relative to the content folder.
        package let file: String
        package let tool: String
        /// Of what reading the report depends on besides its bytes: schema.yaml, portal.yaml, how the folder is named.
        package let context: UInt64
        /// Of the file's bytes, starting from the context.
        package let fingerprint: UInt64
        /// The file's size, modification time and inode when it was read: the same stamp stands for the same bytes.
        package let stamp: FileStatus?
        package let report: Report?
        package let diagnostics: [Diagnostic]
        /// Whether the entry has the body's HTML (a report with errors has none).
        package let hasBody: Bool

        var encoded: [UInt8] {
            var writer = CacheWriter()
            writer.string(file)
            writer.string(tool)
            writer.unsigned(context)
            writer.unsigned(fingerprint)
            writer.optional(stamp) { $0.status($1) }
            writer.optional(report) { $0.report($1) }
            writer.array(diagnostics) { $0.diagnostic($1) }
            writer.flag(hasBody)
            return writer.bytes
        }

        init(file: String, tool: String, context: UInt64, fingerprint: UInt64, stamp: FileStatus?, report: Report?,
             diagnostics: [Diagnostic], hasBody: Bool) {
            self.file = file
            self.tool = tool
            self.context = context
            self.fingerprint = fingerprint
            self.stamp = stamp
            self.report = report
            self.diagnostics = diagnostics
            self.hasBody = hasBody
        }

        init?(encoded bytes: [UInt8]) {
            var reader = CacheReader(bytes: bytes)
            guard let file = reader.string(), let tool = reader.string(), let context = reader.unsigned(),
                  let fingerprint = reader.unsigned(), let stamp = reader.optional({ $0.status() }),
                  let report = reader.optional({ $0.report() }), let diagnostics = reader.array({ $0.diagnostic() }),
                  let hasBody = reader.flag(), reader.atEnd else { return nil }
            self.init(file: file, tool: tool, context: context, fingerprint: fingerprint, stamp: stamp, report: report,
                      diagnostics: diagnostics, hasBody: hasBody)
        }
    }

    /// The report kept for `file` of the content folder at `folder`, if this Gongkai made it and it is intact.
    package func record(folder: String, file: String) -> ReportRecord? {
        guard let reader = CacheFile.Reader(path: reportPath(folder: folder, file: file)), let bytes = reader.section(0),
              let record = ReportRecord(encoded: bytes),
              record.tool == tool, record.file == file else { return nil }
        return record
    }

    /// The body kept with the record of that fingerprint; nil when it is not there or damaged.
    package func body(folder: String, file: String, fingerprint: UInt64) -> BodyHTML? {
        guard let reader = CacheFile.Reader(path: reportPath(folder: folder, file: file)), let bytes = reader.section(0),
              let record = ReportRecord(encoded: bytes),
              record.tool == tool, record.file == file, record.fingerprint == fingerprint, record.hasBody,
              let body = reader.section(1) else { return nil }
        return BodyHTML(encoded: body)
    }

    /// False when the entry could not be written.
    @discardableResult
    package func store(_ record: ReportRecord, body: BodyHTML?, folder: String) -> Bool {
        guard makeFolder(reportsFolder(folder)) else { return false }
        return CacheFile.write([record.encoded] + (body.map { [$0.encoded] } ?? []), to: reportPath(folder: folder, file: record.file))
    }

    /// Removes the entries of report files that are gone, so the cache does not grow with every rename.
    package func prune(folder: String, keeping files: [String]) {
        let keep = Set(files.map(entryName))
        let path = reportsFolder(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !keep.contains(name) {
            unlink(path + "/" + name)
        }
    }

    private func reportsFolder(_ folder: String) -> String {
        directory.path + "/reports/" + Fingerprint.hex(Fingerprint.of([URL(fileURLWithPath: folder).standardizedFileURL.path]))
    }

    private func reportPath(folder: String, file: String) -> String { reportsFolder(folder) + "/" + entryName(file) }

    private func entryName(_ file: String) -> String { Fingerprint.hex(Fingerprint.of([file])) + ".entry" }

    // MARK: Output folders

    /// Which page each file of an output folder was rendered from, and the file as it was written: a file whose
    /// page has the same fingerprint and which is still the file written (same inode, size and modification time)
    /// is kept as it is.
    package struct OutputManifest: Sendable {
        package struct File: Sendable {
            package let page: UInt64
            package let status: FileStatus
        }

        package let tool: String
        package let output: String
        package let files: [String: File]

        var encoded: [UInt8] {
            var writer = CacheWriter()
            writer.string(tool)
            writer.string(output)
            writer.array(files.sorted { $0.key < $1.key }) { writer, file in
                writer.string(file.key)
                writer.unsigned(file.value.page)
                writer.status(file.value.status)
            }
            return writer.bytes
        }

        package init(tool: String, output: String, files: [String: File]) {
            self.tool = tool
            self.output = output
            self.files = files
        }

        init?(encoded bytes: [UInt8]) {
            var reader = CacheReader(bytes: bytes)
            guard let tool = reader.string(), let output = reader.string(),
                  let files = reader.array({ reader -> (String, File)? in
                      guard let path = reader.string(), let page = reader.unsigned(), let status = reader.status() else { return nil }
                      return (path, File(page: page, status: status))
                  }), reader.atEnd else { return nil }
            self.init(tool: tool, output: output, files: Dictionary(files, uniquingKeysWith: { first, _ in first }))
        }
    }

    package func manifest(for output: URL) -> OutputManifest? {
        guard let reader = CacheFile.Reader(path: manifestPath(output)), let bytes = reader.section(0),
              let manifest = OutputManifest(encoded: bytes),
              manifest.tool == tool, manifest.output == output.standardizedFileURL.path else { return nil }
        return manifest
    }

    package func store(_ manifest: OutputManifest, for output: URL) {
        guard makeFolder(directory.path + "/outputs") else { return }
        CacheFile.write([manifest.encoded], to: manifestPath(output))
    }

    private func manifestPath(_ output: URL) -> String {
        directory.path + "/outputs/" + Fingerprint.hex(Fingerprint.of([output.standardizedFileURL.path])) + ".manifest"
    }

    /// Makes the folder and its parents; false when it cannot be made.
    private func makeFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return true }
        return (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
    }
}
