import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiSyntax

/// HTML comments are editors' notes: never published, never a warning.
@Suite struct EditorNotesTests {
    @Test(arguments: [false, true])
    func commentsAreLeftOutOfEveryPage(rawHTML: Bool) throws {
        let body = "## 一\n\n<!-- 待核实：第二段的数字 -->\n\n正文<!-- 改为三次？ -->。<b>粗</b>\n"
        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)],
                                      portal: TestContent.portal + (rawHTML ? "\nraw_html: true\n" : ""))
        let (outcome, output) = try content.build()
        #expect(outcome.succeeded)
        // Without raw HTML the `<b>` is what is warned of; the comments never are.
        #expect(outcome.diagnostics.map(\.id) == (rawHTML ? [] : ["markdown.raw-html"]))
        #expect(outcome.diagnostics.first.map { $0.location.line == 11 } ?? true)
        for page in ["t/2023/index.html", "t/2023/print/index.html"] {
            let html = try #require(output.text(page))
            #expect(!html.contains("待核实") && !html.contains("改为三次"), "\(page)")
            #expect(html.contains("<b>粗</b>") == rawHTML)
        }
    }

    @Test func onlyAWholeCommentIsANote() {
        #expect(MarkdownNode.isComment("<!-- 待核实 -->\n"))
        #expect(MarkdownNode.isComment("<!---->"))
        #expect(!MarkdownNode.isComment("<!-- a --> <b>x</b> <!-- c -->"))
        #expect(!MarkdownNode.isComment("<!-- a --> 正文"))
        #expect(!MarkdownNode.isComment("<div><!-- a --></div>"))
    }
}
