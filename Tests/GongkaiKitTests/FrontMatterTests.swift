import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct FrontMatterTests {
    @Test func splitsAtFencesAndKnowsWhereTheBodyStarts() throws {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "r.md", text: "---\norg: a\nyear: 2023\n---\n## 一\n正文\n")
        let split = try #require(FrontMatterSplitter.split(file, into: &diagnostics))
        #expect(split.yaml == "org: a\nyear: 2023")
        #expect(split.yamlFirstLine == 2)
        #expect(split.bodyFirstLine == 5)
        #expect(split.body.hasPrefix("## 一"))
        #expect(diagnostics.isEmpty)
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "r.md", text: "\u{FEFF}---\r\norg: a\r\n---\r\n正文\r\n")
        let split = try #require(FrontMatterSplitter.split(file, into: &diagnostics))
        #expect(split.yaml == "org: a")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func unterminatedFrontMatterIsADiagnostic() {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "r.md", text: "---\norg: a\n## 标题\n")
        #expect(FrontMatterSplitter.split(file, into: &diagnostics) == nil)
        #expect(diagnostics.map(\.id) == ["frontmatter.unterminated"])
    }

    @Test func missingFrontMatterIsADiagnostic() {
        var diagnostics: [Diagnostic] = []
        #expect(FrontMatterSplitter.split(SourceFile(path: "r.md", text: "## 标题\n"), into: &diagnostics) == nil)
        #expect(diagnostics.map(\.id) == ["frontmatter.missing"])
    }

    @Test func yamlErrorsAreReportedAtTheirLineInTheWholeFile() throws {
        let report = "---\norg: t\nyear: 2023\ntitle: [未闭合\npublished: 2024-03-01\n---\n正文\n"
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        let diagnostic = try #require(outcome.diagnostics.first { $0.id == "yaml.syntax" })
        #expect(diagnostic.location.file == "Content/orgs/t/2023.md")
        #expect((4...5).contains(diagnostic.location.line))
        #expect(outcome.filesWritten == nil)
    }

    @Test func bodyPositionsCountFrontMatterLinesAndCharacters() throws {
        // The body starts on line 7, so its third line is line 9; the link follows 4 Chinese characters: column 5.
        let report = TestContent.report(body: "\n## 标题\n举办讲座[3 次](metric:lecturez)。\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["metric.unknown-key@9:5"])
        #expect(outcome.diagnostics.first?.hint?.en == "did you mean `lectures`?")
    }

    @Test func columnsAreCharactersNotBytes() {
        let file = SourceFile(path: "x", text: "第一行\n中文abc")
        // "中文" is 6 bytes in UTF-8: byte column 7 is character column 3.
        #expect(file.characterColumn(line: 2, byteColumn: 7) == 3)
        #expect(String(file.line(2)) == "中文abc")
    }
}
