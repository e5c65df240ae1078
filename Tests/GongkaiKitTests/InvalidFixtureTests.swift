import Foundation
import Synchronization
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Each folder of `Fixtures/invalid/` is a small content tree with one mistake; `expected.txt` says what `check`
/// must report, where. See `Fixtures/invalid/README.md`.
@Suite struct InvalidFixtureTests {
    static let folder = Repository.fixtures.appendingPathComponent("invalid")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix("_") && !$0.hasSuffix(".md") }
            .sorted()
    }

    /// `_base/` with the case laid over it, in a fresh temporary folder.
    static func contentFolder(for name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fixture-\(name)-\(UUID().uuidString)")
        for layer in ["_base", name] {
            let source = folder.appendingPathComponent(layer)
            let enumerator = try #require(FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]))
            for case let url as URL in enumerator where !url.hasDirectoryPath && url.lastPathComponent != "expected.txt" {
                let relative = String(url.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))
                let destination = target.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
                try FileManager.default.copyItem(at: url, to: destination)
            }
        }
        return target
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let content = try Self.contentFolder(for: name)
        let options = Builder.Options(contentDirectory: content, templatesDirectory: Repository.templates,
                                      contentDisplayName: "Content", templatesDisplayName: "Templates")
        let checked = Builder(options: options).check().diagnostics
        let found = checked.map {
            "\($0.location.file.dropFirst("Content/".count)):\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.id)"
        }
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(found == expected)
        // `build` goes through the same stages: it finds the same, and with an error hands no page to its output.
        let output = RecordingOutput()
        let built = try Builder(options: options).build(to: output)
        #expect(built.diagnostics == checked)
        // A build whose reports come back from the build cache says exactly the same, fix-its and related places too.
        var cached = options
        cached.cache = BuildCache(directory: content.appendingPathComponent(".cache"), tool: "test")
        _ = try Builder(options: cached).build(to: RecordingOutput())
        #expect(try Builder(options: cached).build(to: RecordingOutput()).diagnostics == checked)
        if checked.hasErrors { #expect(output.written.isEmpty, "a failed build wrote \(output.written.prefix(3))") }
    }

    /// Checks a valid content folder with one more entry: a symbolic link at `link` leading to `target`.
    static func checkWithLink(at link: String, to target: (URL) throws -> URL) throws -> (site: Site?, diagnostics: [Diagnostic]) {
        let content = try Self.contentFolder(for: "bom-and-crlf-accepted")
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent(link), withDestinationURL: try target(content))
        let checked = Builder(options: Builder.Options(contentDirectory: content, templatesDirectory: Repository.templates,
                                                       contentDisplayName: "Content")).check()
        return (checked.site, checked.diagnostics)
    }

    @Test func aSymlinkOutOfTheContentFolderIsRefused() throws {
        let checked = try Self.checkWithLink(at: "orgs/t/2022.md") { _ in
            let outside = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-outside-\(UUID().uuidString).md")
            try Data("---\norg: t\nyear: 2022\ntitle: 外部文件\npublished: 2023-03-01\n---\n机密\n".utf8).write(to: outside)
            return outside
        }
        #expect(checked.diagnostics.map(\.id) == ["source.symlink-outside"])
        #expect(checked.diagnostics.first?.location.file == "Content/orgs/t/2022.md")
        #expect(checked.site == nil)
    }

    @Test func aSymlinkInsideTheContentFolderIsRead() throws {
        let checked = try Self.checkWithLink(at: "orgs/t/notes.txt") { $0.appendingPathComponent("portal.yaml") }
        #expect(checked.diagnostics.map(\.id) == ["content.unexpected-file"])
    }

    @Test func aSymlinkLeadingNowhereIsReportedNotSkipped() throws {
        let checked = try Self.checkWithLink(at: "orgs/t/2022.md") { $0.appendingPathComponent("orgs/t/gone.md") }
        #expect(checked.diagnostics.map(\.id) == ["source.unreadable"])
        #expect(checked.diagnostics.first?.location.file == "Content/orgs/t/2022.md")
    }

    @Test func aTenMegabyteReportIsChecked() throws {
        let content = try Self.contentFolder(for: "bom-and-crlf-accepted")
        var body = "---\norg: t\nyear: 2023\ntitle: 大报告\npublished: 2024-03-01\n---\n"
        let paragraph = "## 部分\n\n举办讲座 [3 次](metric:lectures)，" + String(repeating: "推进法治建设，", count: 300) + "\n\n"
        while body.utf8.count < 10_000_000 { body += paragraph }
        body += "[很多次](metric:lectures)\n"
        try Data(body.utf8).write(to: content.appendingPathComponent("orgs/t/2023.md"))
        let checked = Builder(options: Builder.Options(contentDirectory: content, templatesDirectory: Repository.templates)).check()
        // Thousands of headings numbered, one figure that cannot be read, at the very end.
        #expect(checked.diagnostics.map(\.id) == ["metric.unparsable-figure"])
        #expect(checked.diagnostics.first?.location.line == body.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }
}

/// An output that records what it is handed.
final class RecordingOutput: OutputSink {
    private let paths = Mutex<[String]>([])

    func write(_ contents: Data, to sitePath: String) throws {
        paths.withLock { $0.append(sitePath) }
    }

    var written: [String] { paths.withLock { $0 } }
}
