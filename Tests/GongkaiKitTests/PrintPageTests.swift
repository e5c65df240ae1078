import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct PrintPageTests {
    @Test func thePrintPageRunsLevelThreeItemsIntoTheirParagraphsAndSigns() throws {
        let (outcome, output) = try SampleBuildTests.buildSample()
        #expect(outcome.succeeded)
        let html = try #require(output.text("hs-gdb/2023/print/index.html"))
        #expect(html.contains(#"<link rel="stylesheet" href="../../../assets/print.css">"#))
        #expect(html.contains(#"<h1 class="document-title"><span class="title-line">黄石市国动办2023年法治建设工作总结报告</span></h1>"#))
        #expect(html.contains(#"<p class="run-in" id="staff-study"><strong class="heading-run-in">3.推进干部职工学法用法。</strong>落实国家工作人员"#))
        #expect(html.contains(#"<h2 id="work"><span class="heading-number">一、</span>工作开展情况</h2>"#))
        #expect(html.contains(#"<p class="signature">黄石市国防动员办公室</p>"#))
        #expect(html.contains(#"<p class="signature-date">2024年3月29日</p>"#))
        #expect(html.contains(#"<meta name="author" content="黄石市国防动员办公室">"#))
        // Documents still link to the register, from three folders down.
        #expect(html.contains(#"href="../../../documents/#doc-underground-space""#))
    }

    @Test func theReportPageLinksThePrintPageAndThePDFOnlyWhenThereIsOne() throws {
        let (_, plain) = try SampleBuildTests.buildSample()
        let page = try #require(plain.text("hs-gdb/2023/index.html"))
        #expect(page.contains(#"<a href="print/">打印版（公文格式）</a>"#))
        #expect(!page.contains("report.pdf"))

        var options = Builder.Options(contentDirectory: Repository.content, templatesDirectory: Repository.templates)
        options.reportsWithPDF = .only(["hs-gdb/2023/"])
        let output = MemoryOutput()
        _ = try Builder(options: options).build(to: output)
        #expect(try #require(output.text("hs-gdb/2023/index.html")).contains(#"<a href="report.pdf" type="application/pdf">下载 PDF</a>"#))
    }

    /// A body is rendered once for both pages: the print page runs level-4 items into their paragraph (also inside a
    /// tight list, where the web page has no `<p>`), and links lead from each page's own folder.
    @Test func oneBodyGivesTheWebAndThePrintLayout() throws {
        let extra = try TestContent(files: ["orgs/a/2023.md": TestContent.report(org: "a", frontMatter: "documents:\n  rules: {title: 规定, issued: 2023-05-01}\n", body: """
            ## 甲 {#work}

            #### 不跟段落的条目

            - 列表
              #### 列表里的条目
              段落，[文件](doc:rules)、[2 次](metric:lectures)。

            #### 跟段落的条目
            第一行
            第二行 <b>粗</b>

            | 表 | 格 |
            |:--|--:|
            | [链接](https://example.org/a?b&c) | `代码` |
            """)])
        let body = try #require(ContentLoader(contentDirectory: extra.directory).load().site?.reports.first?.body)
        let shared = #"<table>\#n<thead>\#n<tr>\#n<th align="left">表</th>\#n<th align="right">格</th>\#n</tr>\#n</thead>\#n<tbody>\#n<tr>\#n"#
            + #"<td align="left"><a href="https://example.org/a?b&amp;c">链接</a></td>\#n<td align="right"><code>代码</code></td>\#n</tr>\#n</tbody>\#n</table>\#n"#
        let start = #"<h2 id="work"><span class="heading-number">一、</span>甲</h2>\#n<h4 id="s1-0-1"><span class="heading-number">1.</span>不跟段落的条目</h4>\#n<ul>\#n<li>列表\#n"#
        let figure = #"<data class="figure" id="fig-lectures" value="2" data-metric="lectures">2 次</data>"#
        #expect(body.html(for: .web, root: "../../") == start
            + #"<h4 id="s1-0-2"><span class="heading-number">2.</span>列表里的条目</h4>\#n段落，<a class="doc-ref" id="ref-rules-1" href="../../documents/#doc-rules">文件</a>、"#
            + figure + "。</li>\n</ul>\n"
            + #"<h4 id="s1-0-3"><span class="heading-number">3.</span>跟段落的条目</h4>\#n<p>第一行第二行 粗</p>\#n"# + shared)
        #expect(body.html(for: .print, root: "../../../") == start
            + #"<p class="run-in" id="s1-0-2"><strong class="heading-run-in">2.列表里的条目。</strong>段落，<a class="doc-ref" id="ref-rules-1" href="../../../documents/#doc-rules">文件</a>、"#
            + figure + "。</p>\n</li>\n</ul>\n"
            + #"<p class="run-in" id="s1-0-3"><strong class="heading-run-in">3.跟段落的条目。</strong>第一行第二行 粗</p>\#n"# + shared)
    }

    @Test func aHeadingEndingInPunctuationGetsNoSecondStop() {
        var renderer = HTMLRenderer()
        let heading = MarkdownNode(kind: .numberedHeading(level: 4, number: "1.", id: "a"),
                                   children: [MarkdownNode(kind: .text("是否落实？"), children: [], line: 1, byteColumn: 1)], line: 1, byteColumn: 1)
        let paragraph = MarkdownNode(kind: .paragraph, children: [MarkdownNode(kind: .text("已落实。"), children: [], line: 2, byteColumn: 1)],
                                     line: 2, byteColumn: 1)
        let html = renderer.renderBody(MarkdownNode(kind: .document, children: [heading, paragraph], line: 1, byteColumn: 1))
            .html(for: .print, root: "")
        #expect(html == "<p class=\"run-in\" id=\"a\"><strong class=\"heading-run-in\">1.是否落实？</strong>已落实。</p>\n")
    }
}

@Suite struct PDFDocumentInfoTests {
    static let minimalPDF = """
        %PDF-1.4
        1 0 obj
        <</Title (Old)>>
        endobj
        2 0 obj
        <</Type /Catalog /Pages 3 0 R>>
        endobj
        xref
        0 3
        0000000000 65535 f \n0000000009 00000 n \n0000000044 00000 n \n
        trailer
        <</Size 4 /Root 2 0 R /Info 1 0 R>>
        startxref
        87
        %%EOF

        """

    @Test func appendsAnInfoObjectWithAnXrefThatPointsAtIt() throws {
        let original = Data(Self.minimalPDF.utf8)
        let updated = try PDFDocumentInfo.updating(original, with: .init(title: "报告", author: "黄石市国动办", subject: "主题", keywords: "法治"))
        #expect(updated.prefix(original.count) == original)
        let appended = String(decoding: updated.dropFirst(original.count), as: UTF8.self)
        #expect(appended.hasPrefix("1 0 obj\n<</Title <FEFF62A5544A> /Author <FEFF9EC477F35E0256FD52A8529E>"))
        #expect(appended.contains("trailer\n<</Size 4 /Root 2 0 R /Info 1 0 R /Prev 87>>"))
        // The xref entry and startxref point at the bytes they name.
        let offsetText = try #require(appended.firstMatch(of: #/xref\n1 1\n(\d{10}) 00000 n /#)?.1)
        let offset = try #require(Int(offsetText))
        #expect(String(decoding: updated[offset..<(offset + 7)], as: UTF8.self) == "1 0 obj")
        let startxrefText = try #require(appended.firstMatch(of: #/startxref\n(\d+)\n%%EOF\n$/#)?.1)
        let startxref = try #require(Int(startxrefText))
        #expect(String(decoding: updated[startxref..<(startxref + 4)], as: UTF8.self) == "xref")
    }

    @Test func refusesWhatIsNotAPDF() {
        #expect(throws: PDFDocumentInfo.Failure.notAPDF) { try PDFDocumentInfo.updating(Data("<html>".utf8), with: .init(title: "", author: "", subject: "", keywords: "")) }
    }

    /// GB/T 9704: a title that runs onto a second line breaks between words and is balanced.
    @Test func aLongTitleBreaksBetweenWordsIntoBalancedLines() {
        #expect(TitleLines.lines(title: "黄石市国动办2023年法治建设工作总结报告", given: nil) == ["黄石市国动办2023年法治建设工作总结报告"])
        #expect(TitleLines.lines(title: "黄石市人民防空办公室关于2023年度法治政府建设工作情况的报告", given: nil)
                == ["黄石市人民防空办公室关于2023年度", "法治政府建设工作情况的报告"])
        #expect(TitleLines.lines(title: "中共黄石市委全面依法治市委员会办公室关于印发工作要点的通知", given: nil)
                == ["中共黄石市委全面依法治市委员会办公室", "关于印发工作要点的通知"])
        // The editor's lines win.
        #expect(TitleLines.lines(title: "甲乙丙", given: ["甲", "乙丙"]) == ["甲", "乙丙"])
    }

    /// `title_lines:` sets the break; lines that do not make the title are an error at the field.
    @Test func theEditorSetsTheTitleLines() throws {
        let schema = TestContent.schema.replacingOccurrences(of: "    published: {type: string, format: date}\n", with: """
                published: {type: string, format: date}
                title_lines: {type: array, items: {type: string}}

            """)
        let report = TestContent.report(frontMatter: "title_lines: [测试, 报告]\n", body: "## 工作\n\n正文。\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report], schema: schema).build()
        #expect(outcome.succeeded && outcome.diagnostics.isEmpty, "\(outcome.located)")
        let print = try #require(output.text("t/2023/print/index.html"))
        #expect(print.contains(#"<h1 class="document-title"><span class="title-line">测试</span><span class="title-line">报告</span></h1>"#))
        let wrong = report.replacingOccurrences(of: "[测试, 报告]", with: "[测试, 报表]")
        let (failed, _) = try TestContent(files: ["orgs/t/2023.md": wrong], schema: schema).build()
        #expect(failed.located == ["report.title-lines@6:14"], "\(failed.located)")
    }
}
