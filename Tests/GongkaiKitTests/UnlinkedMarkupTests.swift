import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// Figures and document titles written without their links: notes for `check`, never failing a build.
@Suite struct UnlinkedMarkupTests {
    static let report = TestContent.report(frontMatter: "documents:\n  rules: {title: 管理办法}\n", body: """
        ## 工作

        开展培训 160 次，第3次会议，2023年，讲座[3 次](metric:lectures)。依照《管理办法》和[《管理办法》](doc:rules)。

        """)

    @Test func unlinkedFiguresAndTitlesAreNotes() throws {
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": Self.report]).build()
        #expect(outcome.succeeded)
        #expect(outcome.diagnostics.map { "\($0.severity.rawValue) \($0.id)@\($0.location.line):\($0.location.column)" } == [
            "info markdown.unlinked-figure@11:6", "info markdown.unlinked-document@11:51",
        ])
        let document = try #require(outcome.diagnostics.last)
        #expect(document.fixIt?.replacement == "[《管理办法》](doc:rules)")
        #expect(document.fixIt?.location?.column == 51)
    }

    @Test func thePolicyCanSilenceOrRaiseThem() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": Self.report])
        var options = content.options
        options.policy = DiagnosticPolicy(warningsAsErrors: true, levels: ["markdown.unlinked-document": .off])
        let strict = try Builder(options: options).build(to: MemoryOutput())
        // Warnings as errors leave notes as notes.
        #expect(strict.succeeded)
        #expect(strict.diagnostics.map(\.id) == ["markdown.unlinked-figure"])
        options.policy = DiagnosticPolicy(levels: ["markdown.unlinked-figure": .error])
        #expect(try !Builder(options: options).build(to: MemoryOutput()).succeeded)
    }

    @Test func theSummaryCountsNotesApart() throws {
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": Self.report]).build()
        #expect(DiagnosticFormatter.summaryLine(outcome.diagnostics, language: .en) == "0 errors, 0 warnings, 2 notes")
        #expect(DiagnosticFormatter.summaryLine(outcome.diagnostics, language: .zh) == "0 个错误，0 个警告，2 条建议")
        #expect(DiagnosticFormatter.summaryLine([], language: .en) == "0 errors, 0 warnings")
    }

    /// `check` says the notes; `build` does not.
    @Test func onlyCheckSaysThem() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": Self.report])
        let output = content.directory.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
        let check = try BinaryTests.run(["check", "--content", content.directory.path, "--lang", "en", "--no-cache"])
        #expect(check.status == 0)
        #expect(check.stderr.contains("note: the figure `160 次` is not linked to a metric [markdown.unlinked-figure]"), "\(check.stderr)")
        #expect(check.stdout.contains("0 errors, 0 warnings, 2 notes"), "\(check.stdout)")
        let build = try BinaryTests.run(["build", "--content", content.directory.path, "--output", output.path, "--no-cache"])
        #expect(build.status == 0)
        #expect(build.stderr.isEmpty, "\(build.stderr)")
    }

    /// Past the first 20 in a report, unlinked figures are counted in one note.
    @Test func manyUnlinkedFiguresAreCountedInOneNote() throws {
        let sentences = (1...25).map { "培训 \($0) 次。" }.joined()
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: "## 工作\n\n\(sentences)\n")]).build()
        #expect(outcome.diagnostics.count == 21)
        #expect(outcome.diagnostics.contains { $0.message.en == "5 more figures in this report are not linked to a metric" && $0.location.line == 7 })
    }
}
