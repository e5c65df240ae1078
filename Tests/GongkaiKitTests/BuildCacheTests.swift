import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// The build cache: a build that reuses what an earlier one left is byte for byte a clean build, whatever changed
/// in between — sources, templates, assets, Gongkai itself, the cache's own files, the output folder — and it
/// renders and rewrites only what changed.
@Suite struct BuildCacheTests {
    typealias Random = MutationTests.SplitMix

    /// A portal in a temporary project folder: content, templates, the output and the cache side by side.
    struct Project {
        let content: TestContent
        let templates: URL
        let root: URL
        var output: URL { root.appendingPathComponent("public") }
        var cacheFolder: URL { root.appendingPathComponent(".gongkai-cache") }

        init() throws {
            (content, templates) = try PreviewPropertyTests.portal()
            root = content.directory.deletingLastPathComponent().appendingPathComponent("gongkai-project-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        /// Bodies kept in memory while reading: none makes every build read them back from the cache, as a build of
        /// thousands of reports does.
        var bodyMemory = ContentLoader.bodyMemory

        func options(tool: String = "test-1", cached: Bool = true) -> Builder.Options {
            var options = content.options
            options.templatesDirectory = templates
            options.cache = cached ? BuildCache(directory: cacheFolder, tool: tool) : nil
            options.bodyMemory = bodyMemory
            return options
        }

        func build(tool: String = "test-1") throws -> Builder.Outcome {
            try Builder(options: options(tool: tool)).build(into: output)
        }

        /// A build of the same sources without a cache, into a folder of its own.
        func cleanBuild() throws -> (Builder.Outcome, [String: Data]) {
            let folder = root.appendingPathComponent("clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let outcome = try Builder(options: options(cached: false)).build(into: folder)
            return (outcome, try BinaryTests.files(in: folder))
        }

        /// Gives every file written in the last moment a modification time old enough to be trusted, as files edited
        /// a while before a build have (a fresh stamp is never trusted, so without this the cache would always read
        /// the bytes): two seconds ago, later than any stamp the file had before.
        func settle() throws {
            // utimensat directly: Foundation's setAttributes rounds a date's fraction to a nanosecond count that can
            // reach 10^9, which the system refuses (EINVAL), about once in a few thousand calls.
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let settled = timespec(tv_sec: now.tv_sec - 2, tv_nsec: now.tv_nsec)
            for folder in [content.directory, templates] {
                let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
                for case let url as URL in enumerator where !url.hasDirectoryPath {
                    guard let status = FileStatus(path: url.path), status.kind == .file,
                          now.tv_sec - status.modifiedSeconds < 2 || (now.tv_sec - status.modifiedSeconds == 2 && status.modifiedNanoseconds > now.tv_nsec)
                    else { continue }
                    var times = [settled, settled]
                    #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0, "\(url.path): \(String(cString: strerror(errno)))")
                }
            }
        }

        /// The inode and modification time of each output file.
        func stamps() throws -> [String: FileStatus] { AtomicDirectoryOutput.files(in: output) }

        var entries: [URL] {
            let enumerator = FileManager.default.enumerator(at: cacheFolder.appendingPathComponent("reports"), includingPropertiesForKeys: nil)
            return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "entry" }
        }
    }

    /// What can happen between two builds besides the editors' edits.
    enum Interference: CaseIterable {
        case none, newGongkai, damagedEntry, truncatedEntry, editedOutputFile, deletedOutputFile, extraOutputFile, lostCache
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16])
    func anIncrementalBuildEqualsACleanBuildAfterAnyChanges(seed: UInt64) throws {
        var project = try Project()
        if seed % 2 == 0 { project.bodyMemory = 0 }
        var tool = "test-1"
        try project.settle()
        #expect(try project.build(tool: tool).succeeded)
        var editor = PreviewPropertyTests.Editor(content: project.content.directory, templates: project.templates, random: Random(state: seed))
        var history: [String] = []
        for _ in 0..<30 {
            let (what, _) = try editor.edit()
            history.append(what)
            let interference = Interference.allCases[Int.random(in: 0..<Interference.allCases.count, using: &editor.random)]
            try interfere(interference, project: project, tool: &tool, random: &editor.random)
            if interference != .none { history.append("\(interference)") }
            if Bool.random(using: &editor.random) { try project.settle() }
            let before = try BinaryTests.files(in: project.output)
            let outcome = try project.build(tool: tool)
            let (clean, cleanFiles) = try project.cleanBuild()
            #expect(outcome.succeeded == clean.succeeded, "after \(history)")
            #expect(outcome.diagnostics == clean.diagnostics, "after \(history)")
            let files = try BinaryTests.files(in: project.output)
            if clean.succeeded {
                #expect(files == cleanFiles, "after \(history): differs in \(Set(files.keys).symmetricDifference(cleanFiles.keys).sorted()) or \(cleanFiles.keys.filter { files[$0] != cleanFiles[$0] }.sorted())")
            } else {
                #expect(files == before, "a failed build changed the output, after \(history)")
            }
        }
    }

    private func interfere(_ interference: Interference, project: Project, tool: inout String, random: inout Random) throws {
        let outputFiles = try project.stamps().keys.sorted()
        let entries = project.entries.sorted { $0.path < $1.path }
        switch interference {
        case .none:
            break
        case .newGongkai:
            tool = tool == "test-1" ? "test-2" : "test-1"
        case .damagedEntry, .truncatedEntry:
            guard !entries.isEmpty else { return }
            let entry = entries[Int.random(in: 0..<entries.count, using: &random)]
            var bytes = try [UInt8](Data(contentsOf: entry))
            if interference == .truncatedEntry {
                bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
            } else {
                // Past the header, in the report's model or its body.
                let index = Int.random(in: min(60, bytes.count - 1)..<bytes.count, using: &random)
                bytes[index] ^= 0x20
            }
            try Data(bytes).write(to: entry)
        case .editedOutputFile, .deletedOutputFile:
            guard !outputFiles.isEmpty else { return }
            let file = project.output.appendingPathComponent(outputFiles[Int.random(in: 0..<outputFiles.count, using: &random)])
            if interference == .deletedOutputFile {
                try FileManager.default.removeItem(at: file)
            } else {
                try Data("edited by hand".utf8).write(to: file)
            }
        case .extraOutputFile:
            try FileManager.default.createDirectory(at: project.output, withIntermediateDirectories: true)
            try Data("left over".utf8).write(to: project.output.appendingPathComponent("stray.html"))
        case .lostCache:
            try? FileManager.default.removeItem(at: project.cacheFolder)
        }
    }

    @Test func aBuildWithNothingChangedLeavesEveryFileAsItWas() throws {
        let project = try Project()
        try project.settle()
        let first = try project.build()
        #expect(first.filesRendered == first.filesWritten)
        let stamps = try project.stamps()
        let second = try project.build()
        #expect(second.filesRendered == 0)
        #expect(second.filesWritten == first.filesWritten)
        #expect(try project.stamps() == stamps)
    }

    @Test func oneReportEditedRendersItsPagesAndKeepsTheOtherFiles() throws {
        let project = try Project()
        try project.settle()
        let first = try project.build()
        let stamps = try project.stamps()
        let report = project.content.directory.appendingPathComponent("orgs/b/2023.md")
        // A sentence in its introduction (the text under a plan item is what the commitments show).
        let text = try String(contentsOf: report, encoding: .utf8)
        let bodyStart = try #require(text.range(of: "\n---\n")).upperBound
        try Data((text[..<bodyStart] + "补充一句。\n\n" + text[bodyStart...]).utf8).write(to: report)
        try project.settle()
        let second = try project.build()
        // Its page and its print page, and the search index's files; nothing that lists it shows its text.
        let now = try project.stamps()
        let index = now.keys.filter { $0.hasPrefix(SearchIndex.folder) && $0 != SearchIndex.folder + "index.html" }.sorted()
        #expect(!index.isEmpty && second.filesRendered == 2 + index.count)
        // The kept files are the same files (hard links change only their inode's change time).
        let changed = now.keys.filter { file in !(now[file].flatMap { status in stamps[file].map(status.isSameFile) } ?? false) }.sorted()
        #expect(changed == (["b/2023/index.html", "b/2023/print/index.html"] + index).sorted())
        #expect(second.filesWritten == first.filesWritten)
        #expect(try BinaryTests.files(in: project.output) == (try project.cleanBuild().1))
    }

    @Test func aTemplateChangeRendersOnlyThePagesThatUseIt() throws {
        let project = try Project()
        try project.settle()
        _ = try project.build()
        let template = project.templates.appendingPathComponent("print.mustache")
        try Data((try String(contentsOf: template, encoding: .utf8) + "<!-- 改 -->\n").utf8).write(to: template)
        try project.settle()
        let outcome = try project.build()
        // Six reports, one print page each.
        #expect(outcome.filesRendered == 6)
        #expect(try BinaryTests.files(in: project.output) == (try project.cleanBuild().1))
    }

    /// Every kind of damage to every entry: each is noticed, the reports are read again, and the entries are
    /// written whole again.
    @Test(arguments: ["flip a byte of the body", "flip a byte of the model", "truncate", "empty", "another file's bytes"])
    func aDamagedEntryIsNeverUsedAndIsRebuilt(damage: String) throws {
        let project = try Project()
        try project.settle()
        _ = try project.build()
        let entries = project.entries
        #expect(entries.count == 6)
        for (index, entry) in entries.enumerated() {
            var bytes = try [UInt8](Data(contentsOf: entry))
            switch damage {
            case "flip a byte of the body":
                // The body's HTML is the last section: a tag's letter changed there would show on the page if used.
                let tag = try #require(Self.lastIndex(of: Array("<p>".utf8), in: bytes))
                bytes[tag + 1] = UInt8(ascii: "q")
            case "flip a byte of the model":
                let title = try #require(Self.lastIndex(of: Array("测试报告".utf8), in: bytes))
                bytes[title + 2] ^= 0x01
            case "truncate": bytes.removeLast(bytes.count / 2)
            case "empty": bytes = []
            default: bytes = try [UInt8](Data(contentsOf: entries[(index + 1) % entries.count]))
            }
            try Data(bytes).write(to: entry)
        }
        // Every page that shows a body is rendered again.
        let template = project.templates.appendingPathComponent("footer.mustache")
        try Data((try String(contentsOf: template, encoding: .utf8) + "<!-- 改 -->\n").utf8).write(to: template)
        try project.settle()
        let outcome = try project.build()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(try BinaryTests.files(in: project.output) == (try project.cleanBuild().1))
        let cache = BuildCache(directory: project.cacheFolder, tool: "test-1")
        for year in 2022...2023 {
            for org in ["a", "b", "c"] {
                let file = "orgs/\(org)/\(year).md"
                let record = try #require(cache.record(folder: project.content.directory.path, file: file), "\(file) not stored again")
                #expect(cache.body(folder: project.content.directory.path, file: file, fingerprint: record.fingerprint) != nil)
            }
        }
    }

    /// A file saved during a build, after the site was linked from its earlier bytes, whose body must then be read
    /// again (the cache's copy is damaged): the build stops instead of publishing a page of the new text among pages
    /// of the old.
    @Test func aReportChangedWhileItsBodyIsReadStopsTheBuild() throws {
        var project = try Project()
        project.bodyMemory = 0
        try project.settle()
        _ = try project.build()
        let entry = try #require(project.entries.first { (try? Data(contentsOf: $0)).map { String(decoding: $0, as: UTF8.self).contains("orgs/a/2023.md") } == true })
        var bytes = try [UInt8](Data(contentsOf: entry))
        // The body is the entry's last section.
        bytes[bytes.count - 3] ^= 0x01
        try Data(bytes).write(to: entry)
        // The site is read and linked; then the file is saved, before the body is needed.
        let loader = ContentLoader(contentDirectory: project.content.directory, displayName: "Content",
                                   cache: ReportCache(store: BuildCache(directory: project.cacheFolder, tool: "test-1"), defersBodies: true),
                                   bodyMemory: 0)
        let loaded = loader.load()
        let site = try #require(loaded.site)
        let report = try #require(site.reports.first { $0.sitePath == "a/2023/" })
        let kept = try #require(loaded.deferredBodies["a/2023/"])
        let file = project.content.directory.appendingPathComponent("orgs/a/2023.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "又改一句。\n").utf8).write(to: file)
        var diagnostics: [Diagnostic] = []
        #expect(loader.body(of: report, in: site, kept: kept, into: &diagnostics) == nil)
        #expect(diagnostics.map(\.id) == ["source.changed-during-build"])
        #expect(diagnostics.first?.location.file == "Content/orgs/a/2023.md")
        // Unchanged, the file gives its body back, and the entry is stored whole again.
        let other = try #require(site.reports.first { $0.sitePath == "b/2023/" })
        let otherEntry = try #require(project.entries.first { (try? Data(contentsOf: $0)).map { String(decoding: $0, as: UTF8.self).contains("orgs/b/2023.md") } == true })
        var otherBytes = try [UInt8](Data(contentsOf: otherEntry))
        otherBytes[otherBytes.count - 3] ^= 0x01
        try Data(otherBytes).write(to: otherEntry)
        let otherKept = try #require(loaded.deferredBodies["b/2023/"])
        #expect(loader.body(of: other, in: site, kept: otherKept, into: &diagnostics) != nil)
        #expect(BuildCache(directory: project.cacheFolder, tool: "test-1").body(folder: project.content.directory.path, file: "orgs/b/2023.md",
                                                                                fingerprint: otherKept.fingerprint) != nil)
    }

    /// A file changed in place to bytes of the same length, its modification time set back (as `cp -p`, `rsync -t`
    /// or `touch -d` leave it): the stamp's change time still tells, and the new text is published.
    @Test func aFileChangedWithItsOldModificationTimeIsReadAgain() throws {
        let project = try Project()
        try project.settle()
        _ = try project.build()
        let file = project.content.directory.appendingPathComponent("orgs/a/2023.md")
        let status = try #require(FileStatus(path: file.path))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("第0稿"))
        try Data(text.replacingOccurrences(of: "第0稿", with: "第9稿").utf8).write(to: file)
        var times = [timespec(tv_sec: status.modifiedSeconds, tv_nsec: status.modifiedNanoseconds),
                     timespec(tv_sec: status.modifiedSeconds, tv_nsec: status.modifiedNanoseconds)]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        let now = try #require(FileStatus(path: file.path))
        #expect(now.isSameFile(as: status) && now != status)
        // Its two pages and the search index's files (manifest, shards, lists, chunks).
        let indexFiles = try project.stamps().keys.filter { $0.hasPrefix(SearchIndex.folder) && $0 != SearchIndex.folder + "index.html" }
        #expect(try project.build().filesRendered == 2 + indexFiles.count)
        let page = try String(contentsOf: project.output.appendingPathComponent("a/2023/index.html"), encoding: .utf8)
        #expect(page.contains("第9稿"))
    }

    /// `serve`'s first build takes the reports a build left, and shows what a preview without a cache shows.
    @Test func thePreviewStartsFromTheBuildCache() throws {
        let project = try Project()
        try project.settle()
        _ = try project.build()
        let cached = LiveSite(options: project.options())
        #expect(cached.rebuild().succeeded)
        let fresh = LiveSite(options: project.options(cached: false))
        #expect(fresh.rebuild().succeeded)
        #expect(cached.snapshot.files == fresh.snapshot.files)
        #expect(cached.snapshot.diagnostics == fresh.snapshot.diagnostics)
    }

    /// A cache that cannot be written (here its folder is a file) only makes builds slower: they succeed, give the
    /// clean build's bytes, and say nothing of it.
    @Test func aCacheThatCannotBeWrittenIsNoFault() throws {
        let project = try Project()
        try Data("not a folder".utf8).write(to: project.cacheFolder)
        try project.settle()
        for _ in 0..<2 {
            let outcome = try project.build()
            #expect(outcome.succeeded)
            #expect(outcome.diagnostics.isEmpty)
            #expect(outcome.filesRendered == outcome.filesWritten)
        }
        #expect(try BinaryTests.files(in: project.output) == (try project.cleanBuild().1))
    }

    @Test func aNewGongkaiRendersEverything() throws {
        let project = try Project()
        try project.settle()
        let first = try project.build(tool: "test-1")
        let second = try project.build(tool: "test-2")
        #expect(second.filesRendered == first.filesWritten)
    }

    /// Every field of the sample's reports comes back from the cache's encoding as it was.
    @Test func aReportRoundTripsThroughItsEncoding() throws {
        let site = try #require(ContentLoader(contentDirectory: Repository.content, displayName: "Content").load().site)
        for report in site.reports {
            let record = BuildCache.ReportRecord(file: "orgs/x/2023.md", tool: "t", context: 1, fingerprint: 2,
                                                 stamp: FileStatus(path: Repository.content.path), report: report, diagnostics: [],
                                                 hasBody: true)
            let decoded = try #require(BuildCache.ReportRecord(encoded: record.encoded))
            var expected = report
            expected.body = .empty
            // `dump` goes through every stored field, those of the report's shared fields object too.
            var decodedText = "", expectedText = ""
            dump(decoded.report, to: &decodedText)
            dump(Optional(expected), to: &expectedText)
            #expect(decodedText == expectedText)
            #expect(expectedText.contains("planReferences") && expectedText.contains(report.figures.first?.text ?? "?"))
            #expect(decoded.stamp == record.stamp)
            #expect(BodyHTML(encoded: report.body.encoded) == report.body)
            #expect(BuildCache.ReportRecord(encoded: record.encoded.dropLast()) == nil)
        }
    }

    @Test func aBodyRoundTripsThroughItsEncoding() throws {
        let body = BodyHTML(fragments: [
            .html("<p>依照"), .href(.document(key: "rules")), .lineEnd,
            .variants(web: [.html("<h3>一</h3>\n")], print: [.html("<p><strong>一</strong>"), .href(.plan(org: "a", year: 2022, id: "plan-a"))]),
            .html(""),
        ])
        #expect(BodyHTML(encoded: body.encoded) == body)
        #expect(BodyHTML(encoded: Array(body.encoded.dropLast())) == nil)
        #expect(BodyHTML(encoded: body.encoded + [0]) == nil)
    }

    static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).reversed().first { Array(bytes[$0..<$0 + needle.count]) == needle }
    }
}
