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

@Suite struct AtomicOutputTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-out-\(UUID().uuidString)")
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[url.path.replacingOccurrences(of: folder.path, with: "")] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let destination = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("old site".utf8).write(to: destination.appendingPathComponent("index.html"))
        let before = try Self.snapshot(destination)

        let broken = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: "[3 次](metric:nope)\n")])
        let outcome = try Builder(options: broken.options).build(into: destination)
        #expect(!outcome.succeeded)
        #expect(try Self.snapshot(destination) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(destination.lastPathComponent).") }, "a staging folder was left behind")
    }

    @Test func aSuccessfulBuildReplacesTheWholeFolder() throws {
        let destination = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: destination.appendingPathComponent("stale.html"))

        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: "## 一\n")])
        let outcome = try Builder(options: content.options).build(into: destination)
        #expect(outcome.succeeded)
        let files = try Self.snapshot(destination)
        #expect(files["/stale.html"] == nil)
        #expect(files["/t/2023/index.html"] != nil)
        #expect(outcome.filesWritten == files.count)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(destination.lastPathComponent).") })
    }

    @Test func aFileThatCannotBeWrittenIsNamedWithTheSystemsReason() throws {
        let output = try AtomicDirectoryOutput(destination: Self.temporaryFolder())
        defer { output.discard() }
        try output.write(Data("a".utf8), to: "page/index.html")
        // A folder where the file should go: open(2) fails with EISDIR.
        try FileManager.default.createDirectory(at: output.staging.appendingPathComponent("taken/index.html"), withIntermediateDirectories: true)
        let error = #expect(throws: WriteError.self) { try output.write(Data("b".utf8), to: "taken/index.html") }
        #expect(error?.localizedDescription.hasSuffix("taken/index.html: Is a directory") == true)
        #expect(try String(contentsOf: output.staging.appendingPathComponent("page/index.html"), encoding: .utf8) == "a")
    }

    @Test func aSwapThatCannotBeUndoneSaysWhereThePreviousSiteIs() throws {
        let destination = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("old site".utf8).write(to: destination.appendingPathComponent("index.html"))
        // The old site is moved aside; then both the new site's rename and the way back fail.
        let renames = LockedCount()
        let output = try AtomicDirectoryOutput(destination: destination) { from, to in
            if renames.next() == 1 { guard Foundation.rename(from, to) == 0 else { throw RenameError(from: from, to: to, code: errno) }; return }
            throw RenameError(from: from, to: to, code: EXDEV)
        }
        defer { output.discard() }
        try output.write(Data("new site".utf8), to: "index.html")
        let error = #expect(throws: CommitFailure.self) { try output.commit() }
        let previous = try #require(error?.previousSite)
        #expect(error?.localizedDescription.contains("it is kept in \(previous)") == true)
        #expect(try String(contentsOf: URL(fileURLWithPath: previous).appendingPathComponent("index.html"), encoding: .utf8) == "old site")
        try FileManager.default.removeItem(atPath: previous)
    }

    @Test func aFailedSwapPutsThePreviousSiteBack() throws {
        let destination = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("old site".utf8).write(to: destination.appendingPathComponent("index.html"))
        let renames = LockedCount()
        let output = try AtomicDirectoryOutput(destination: destination) { from, to in
            if renames.next() == 2 { throw RenameError(from: from, to: to, code: EXDEV) }
            guard Foundation.rename(from, to) == 0 else { throw RenameError(from: from, to: to, code: errno) }
        }
        defer { output.discard() }
        #expect(throws: RenameError.self) { try output.commit() }
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "old site")
    }
}

/// Counts calls from any thread: 1 for the first.
final class LockedCount: Sendable {
    private let count = Mutex(0)

    func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
