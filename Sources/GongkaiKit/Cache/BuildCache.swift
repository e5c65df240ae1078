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

    /// Paths stay readable in an entry (`orgs/a/2023.md`, not `orgs\/a\/2023.md`) for whoever looks into one.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    // MARK: Reports

    /// What is kept of one report file besides its body.
    package struct ReportRecord: Codable, Sendable {
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
    }

    /// The report kept for `file` of the content folder at `folder`, if this Gongkai made it and it is intact.
    package func record(folder: String, file: String) -> ReportRecord? {
        guard let reader = CacheFile.Reader(path: reportPath(folder: folder, file: file)), let bytes = reader.section(0),
              let record = try? JSONDecoder().decode(ReportRecord.self, from: Data(bytes)),
              record.tool == tool, record.file == file else { return nil }
        return record
    }

    /// The body kept with the record of that fingerprint; nil when it is not there or damaged.
    package func body(folder: String, file: String, fingerprint: UInt64) -> BodyHTML? {
        guard let reader = CacheFile.Reader(path: reportPath(folder: folder, file: file)), let bytes = reader.section(0),
              let record = try? JSONDecoder().decode(ReportRecord.self, from: Data(bytes)),
              record.tool == tool, record.file == file, record.fingerprint == fingerprint, record.hasBody,
              let body = reader.section(1) else { return nil }
        return BodyHTML(encoded: body)
    }

    package func store(_ record: ReportRecord, body: BodyHTML?, folder: String) {
        guard let model = try? Self.encoder.encode(record), makeFolder(reportsFolder(folder)) else { return }
        CacheFile.write([Array(model)] + (body.map { [$0.encoded] } ?? []), to: reportPath(folder: folder, file: record.file))
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
    package struct OutputManifest: Codable, Sendable {
        package struct File: Codable, Sendable {
            package let page: UInt64
            package let status: FileStatus
        }

        package let tool: String
        package let output: String
        package let files: [String: File]
    }

    package func manifest(for output: URL) -> OutputManifest? {
        guard let reader = CacheFile.Reader(path: manifestPath(output)), let bytes = reader.section(0),
              let manifest = try? JSONDecoder().decode(OutputManifest.self, from: Data(bytes)),
              manifest.tool == tool, manifest.output == output.standardizedFileURL.path else { return nil }
        return manifest
    }

    package func store(_ manifest: OutputManifest, for output: URL) {
        guard let bytes = try? Self.encoder.encode(manifest), makeFolder(directory.path + "/outputs") else { return }
        CacheFile.write([Array(bytes)], to: manifestPath(output))
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
