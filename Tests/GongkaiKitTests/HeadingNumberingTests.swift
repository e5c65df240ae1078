import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct HeadingNumberingTests {
    @Test func chineseNumerals() {
        #expect([1, 2, 9, 10, 11, 19, 20, 23, 99].map(ChineseNumeral.string) == ["一", "二", "九", "十", "十一", "十九", "二十", "二十三", "九十九"])
    }

    @Test func numbersFourLevelsAndRestartsBelowEachHeading() throws {
        let body = """
            ## 甲 {#a}
            ### 子
            #### 细
            ##### 目
            ##### 目二
            #### 细二
            ### 子二
            #### 细三
            ## 乙
            ### 子三
            """
        let report = TestContent.report(body: body)
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded)
        let html = try #require(output.text("t/2023/index.html"))
        let numbers = html.matches(of: /<span class="heading-number">([^<]*)<\/span>/).map { String($0.1) }
        #expect(numbers == ["一、", "（一）", "1.", "（1）", "（2）", "2.", "（二）", "1.", "二、", "（一）"])
    }

    @Test func explicitAndGeneratedAnchors() throws {
        let body = "## 工作开展情况 {#work}\n### 第一节\n#### 第一条\n## 第二部分\n"
        let (_, output) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)]).build()
        let html = try #require(output.text("t/2023/index.html"))
        #expect(html.contains(#"<h2 id="work"><span class="heading-number">一、</span>工作开展情况</h2>"#))
        #expect(html.contains(#"<h3 id="s1-1">"#))
        #expect(html.contains(#"<h4 id="s1-1-1">"#))
        #expect(html.contains(#"<h2 id="s2">"#))
        // The table of contents links to the same anchors.
        #expect(html.contains(##"<a href="#work">一、工作开展情况</a>"##))
        #expect(html.contains(##"<a href="#s1-1">（一）第一节</a>"##))
    }

    @Test(arguments: [
        ("标题 {#work}", "标题", "work"), ("{#only}", nil, "only"), ("没有 id", "没有 id", nil), ("a {#x} b {#y}", "a {#x} b", "y"),
        ("空 {#}", "空", ""), ("中文}", "中文}", nil), ("{#", "{#", nil), ("}", "}", nil), ("x {# spaced}", "x", " spaced"),
    ] as [(String, String?, String?)])
    func theLastBracedIDIsTakenFromTheHeading(text: String, kept: String?, id: String?) {
        var children = [MarkdownNode(kind: .text(text), children: [], line: 1, byteColumn: 1)]
        #expect(HeadingNumbering.takeExplicitID(from: &children) == id)
        if let kept {
            guard case .text(let left) = children.last?.kind else { Issue.record("the text went away"); return }
            #expect(left == kept)
        } else {
            #expect(children.isEmpty)
        }
    }

    @Test func duplicateAndMalformedIDsAreDiagnostics() throws {
        let body = "## 甲 {#same}\n\n## 乙 {#same}\n\n## 丙 {#坏}\n"
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)]).build()
        #expect(outcome.located == ["heading.duplicate-id@9:1", "heading.invalid-id@11:1"])
    }

    @Test func planItemsAreCollectedUnderThePlansPart() throws {
        let body = "## 工作 {#work}\n## 明年安排 {#plans}\n### 加强宣传 {#plan-a}\n### 规范执法 {#plan-b}\n"
        let content = try TestContent(files: ["orgs/t/2023.md": TestContent.report(body: body)])
        let loaded = ContentLoader(contentDirectory: content.directory).load()
        let report = try #require(loaded.site?.reports.first)
        #expect(report.planItems.map(\.id) == ["plan-a", "plan-b"])
        #expect(report.planItems.map(\.number) == ["（一）", "（二）"])
    }
}

extension HeadingNumberingTests {
    /// A plan item's text: a soft break between Chinese characters is no space, one beside a Latin word or digit is.
    @Test func planTextJoinsChineseLinesOnly() {
        #expect(HeadingNumbering.joiningChineseLines("开展讲座， 印发资料") == "开展讲座，印发资料")
        #expect(HeadingNumbering.joiningChineseLines("开展 APP 培训 3 次") == "开展 APP 培训 3 次")
        #expect(HeadingNumbering.joiningChineseLines(" 开 展 ") == " 开展 ")
        #expect(HeadingNumbering.joiningChineseLines("no break") == "no break")
    }
}
