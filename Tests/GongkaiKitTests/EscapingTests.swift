import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct EscapingTests {
    @Test func titlesAndTextAreEscaped() throws {
        let report = """
            ---
            org: t
            year: 2023
            title: "标题 <script>alert(1)</script> & \\"引号\\""
            published: 2024-03-01
            ---
            ## 比较 a < b & c > d "x"

            正文 <b & "q">
            """
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded)
        let html = try #require(output.text("t/2023/index.html"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("标题 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;"))
        #expect(html.contains("比较 a &lt; b &amp; c &gt; d &quot;x&quot;"))
        // The meta tag carries the escaped title too.
        #expect(html.contains(#"<meta name="ArticleTitle" content="标题 &lt;script&gt;"#))
    }

    @Test func rawHTMLIsDroppedByDefaultWithAWarning() throws {
        let body = "## 标题\n\n<div onclick=\"x()\">块</div>\n\n文字<span style=\"color:red\">红</span>。\n\n[点击](javascript:alert(1))\n"
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)]).build()
        #expect(outcome.succeeded)
        #expect(outcome.diagnostics.map(\.id) == ["markdown.raw-html"])
        let html = try #require(output.text("t/2023/index.html"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("<span style"))
        #expect(html.contains("文字红。"))
        #expect(html.contains(#"<a href="">点击</a>"#))
    }

    @Test func rawHTMLStaysWhenThePortalAllowsItButDangerousTagsAreFiltered() throws {
        let body = "## 标题\n\n文字<span class=\"x\">红</span>。\n\n<script>alert(1)</script>\n"
        let portal = TestContent.portal + "\nraw_html: true\n"
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)], portal: portal).build()
        #expect(outcome.diagnostics.isEmpty)
        let html = try #require(output.text("t/2023/index.html"))
        #expect(html.contains(#"文字<span class="x">红</span>。"#))
        #expect(html.contains("&lt;script>alert(1)&lt;/script>"))
    }

    @Test func softBreaksInsideChineseTextAreNotSpaces() throws {
        let body = "## 标题\n\n第一行文字\n第二行文字\nand English\ntext\n"
        let (_, output) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)]).build()
        let html = try #require(output.text("t/2023/index.html"))
        #expect(html.contains("第一行文字第二行文字\nand English\ntext"))
    }
}
