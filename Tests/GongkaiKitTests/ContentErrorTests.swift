import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Mistakes in small content trees: each gives its diagnostic at its place, all of them at once, and no pages.
@Suite struct ContentErrorTests {
    @Test func aMissingRequiredFieldIsReportedAtTheFrontMatter() throws {
        let report = "---\norg: t\nyear: 2023\npublished: 2024-03-01\n---\n## 一\n"
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["schema.missing-field@2:1"])
        #expect(outcome.diagnostics.first?.message.en.contains("`title`") == true)
        #expect(output.files.isEmpty)
    }

    @Test func anUnknownFieldGetsADidYouMean() throws {
        let report = TestContent.report(frontMatter: "pubished: 2024-01-01\n", body: "## 一\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["schema.unknown-key@6:1"])
        #expect(outcome.diagnostics.first?.hint?.en
            == "did you mean `published`? To add a new field instead, declare it under `properties:` of the schema at Content/schema.yaml:2")
    }

    @Test func datesMustExist() throws {
        let report = "---\norg: t\nyear: 2023\ntitle: 标题\npublished: 2023-02-30\n---\n## 一\n"
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["schema.date@5:12"])
    }

    @Test func folderAndFileNameMustMatchTheFrontMatter() throws {
        let report = TestContent.report(org: "other", year: 2022, body: "## 一\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["report.org-mismatch@2:6", "report.year-mismatch@3:7"])
    }

    @Test func anUndeclaredDocumentIsAnErrorAndAnUnusedOneAWarning() throws {
        let front = "documents:\n  rules: {title: 管理办法, issued: 2023-07-12}\n"
        let report = TestContent.report(frontMatter: front, body: "## 一\n\n起草[《办法》](doc:rule)。\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["doc.unused@1:1", "doc.unknown-key@11:3"])
        #expect(outcome.diagnostics.last?.hint?.en == "did you mean `rules`?")
    }

    @Test func planReferencesResolveToAnEarlierReportsPlanItems() throws {
        let earlier = TestContent.report(year: 2023, body: "## 明年 {#plans}\n### 加强宣传 {#plan-education}\n")
        let later = TestContent.report(year: 2024, body: "## 工作\n\n兑现[承诺](plan:2023#plan-education)、[另一项](plan:t/2023#plan-educaton)、[未来](plan:2025#x)、[无](plan:2020#x)、[坏](plan:abc)。\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": earlier, "orgs/t/2024.md": later]).build()
        #expect(outcome.located == ["plan.unresolved@9:34", "plan.unresolved@9:67", "plan.unresolved@9:85", "plan.malformed@9:102"])
        #expect(outcome.diagnostics.first?.hint?.en == "did you mean `plan-education`?")
        // Report pages are written as reports are read; a failed build leaves them to be thrown away, and nothing else.
        #expect(outcome.filesWritten == nil)
        #expect(output.files["index.html"] == nil)
    }

    @Test func aResolvedPlanReferenceLinksToThePlanItem() throws {
        let earlier = TestContent.report(year: 2023, body: "## 明年 {#plans}\n### 加强宣传 {#plan-education}\n")
        let later = TestContent.report(year: 2024, body: "## 工作\n\n兑现[承诺](plan:2023#plan-education)。\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": earlier, "orgs/t/2024.md": later]).build()
        #expect(outcome.diagnostics.isEmpty)
        #expect(try #require(output.text("t/2024/index.html")).contains(##"<a class="plan-ref" id="delivers-1" href="../../t/2023/#plan-education">承诺</a>"##))
    }

    @Test func everyMistakeIsReportedAtOnceSortedByFileAndPosition() throws {
        let first = TestContent.report(body: "## 一\n\n[3 次](metric:nope) [x](doc:nope)\n")
        let second = "---\norg: u\nyear: [\n---\n"
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": first, "orgs/u/2023.md": second]).build()
        #expect(outcome.diagnostics.map(\.location.file) == ["Content/orgs/t/2023.md", "Content/orgs/t/2023.md", "Content/orgs/u/2023.md"])
        #expect(outcome.diagnostics.map(\.id) == ["metric.unknown-key", "doc.unknown-key", "yaml.syntax"])
    }

    @Test func draftsAreNeverPublishedByABuild() throws {
        let draft = TestContent.report(frontMatter: "status: draft\n", body: "## 一\n")
        let content = try TestContent(files: ["orgs/t/2023.md": draft])
        let (outcome, output) = try content.build()
        #expect(outcome.succeeded)
        #expect(output.files["t/2023/index.html"] == nil)
        #expect(output.text("feed.xml")?.contains("<entry>") == false)
    }

    @Test func aTemplateSyntaxErrorIsLocated() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.templates, to: templates)
        try Data("<p>\n{{#title}}\n</p>\n".utf8).write(to: templates.appendingPathComponent("404.mustache"))
        var diagnostics: [Diagnostic] = []
        #expect(TemplateSet.load(from: templates, displayName: "Templates", into: &diagnostics) == nil)
        #expect(diagnostics.map(\.id) == ["template.syntax"])
        #expect(diagnostics.first?.location.file == "Templates/404.mustache")
    }

    @Test func aNULByteIsLocatedInTheTextAsTheEditorShowsIt() {
        func location(_ bytes: [UInt8]) -> String? {
            var diagnostics: [Diagnostic] = []
            #expect(SourceReader.decode(Data(bytes), displayPath: "f.md", into: &diagnostics) == nil)
            return diagnostics.first.map { "\($0.id)@\($0.location.line):\($0.location.column)" }
        }
        // The byte-order mark is not a character of the text: `ab` stands before the NUL.
        #expect(location(Array("\u{FEFF}ab".utf8) + [0] + Array("c".utf8)) == "source.nul-byte@1:3")
        // Fifty CRLF lines: the NUL is on line 51, whatever the carriage returns did to byte offsets.
        #expect(location(Array(String(repeating: "第几行\r\n", count: 50).utf8) + Array("前".utf8) + [0]) == "source.nul-byte@51:2")
    }

    @Test func aContentFolderWithoutOrgsIsAnErrorNamingTheFolder() throws {
        let content = try TestContent(files: ["org/t/2023.md": TestContent.report(body: "## 一\n")])
        let (outcome, output) = try content.build()
        #expect(outcome.located == ["content.missing-orgs@1:1"])
        #expect(outcome.diagnostics.first?.location.file == "Content/orgs")
        #expect(outcome.diagnostics.first?.hint?.en == "rename `org/` to `orgs/`")
        #expect(output.files.isEmpty)
        let bare = try TestContent(files: [:])
        let checked = Builder(options: bare.options).check()
        #expect(checked.diagnostics.map(\.id) == ["content.missing-orgs"])
        #expect(checked.diagnostics.first?.hint?.en.hasPrefix("create `orgs/NAME/org.yaml`") == true)
    }
}
