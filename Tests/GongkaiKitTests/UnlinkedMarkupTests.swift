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

    /// One note per kind and report, at the first place, every other place related with the link to write there.
    @Test func everyPlaceIsInOneNotePerReport() throws {
        let sentences = (1...60).map { "培训 \($0) 次。" }.joined()
        let body = "## 工作\n\n\(sentences)依照《管理办法》，再依照《管理办法》。\n"
        let report = TestContent.report(frontMatter: "documents:\n  rules: {title: 管理办法}\n", body: body + "[《管理办法》](doc:rules)\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        // The first title stands after the 60 sentences: `培训 N 次。` is 6 characters and N's digits, then `依照`.
        let digits: Int = (1...60).map { String($0).count }.reduce(0, +)
        let column = 60 * 6 + digits + 3
        #expect(outcome.located == ["markdown.unlinked-figure@11:4", "markdown.unlinked-document@11:\(column)"], "\(outcome.located)")
        let figures = try #require(outcome.diagnostics.first)
        #expect(figures.message.en == "60 figures of this report are not linked to a metric, the first `1 次`", "\(figures.message.en)")
        // 50 places listed, and the rest counted at the last.
        #expect(figures.related.count == 51)
        #expect(figures.related.last?.message.en == "and 9 more places, the last here")
        let titles = try #require(outcome.diagnostics.last)
        #expect(titles.related.map(\.message.en) == ["`[《管理办法》](doc:rules)`"])
    }

    /// schema.yaml sets a portal's level, and the command line overrides it.
    @Test func schemaYAMLSetsTheirLevel() throws {
        let schema = TestContent.schema + "\nseverity: {markdown.unlinked-figure: warning, markdown.unlinked-document: off}\n"
        let content = try TestContent(files: ["orgs/t/2023.md": Self.report], schema: schema)
        let warned = try Builder(options: content.options).build(to: MemoryOutput())
        #expect(warned.diagnostics.map { "\($0.severity.rawValue) \($0.id)" } == ["warning markdown.unlinked-figure"])
        var options = content.options
        options.policy = DiagnosticPolicy(levels: ["markdown.unlinked-figure": .off])
        #expect(try Builder(options: options).build(to: MemoryOutput()).diagnostics.isEmpty)
        let (wrong, _) = try TestContent(files: ["orgs/t/2023.md": Self.report],
                                         schema: TestContent.schema + "\nseverity: {markdown.unlinked-figur: loud}\n").build()
        let unknown = wrong.diagnostics.first { $0.id == "schema.unknown-key" }
        #expect(unknown?.hint?.en.contains("markdown.unlinked-figure") == true, "\(wrong.diagnostics)")
    }
}
