import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel

/// A document declaration carries what real ones have — 文号, 施行日期 — and the pages show what is given.
@Suite struct DocumentFieldsTests {
    static let schema = TestContent.schema

    static let report = TestContent.report(frontMatter: """
        documents:
          rules: {title: 黄石市城市地下空间开发利用管理办法（试行）, number: 黄政规〔2023〕5号, issued: 2023-07-12, effective: 2023-08-01, issuer: 黄石市人民政府}

        """, body: "## 工作\n\n依照[《办法》](doc:rules)。\n")

    @Test func theNumberAndTheDateOfEffectAreShown() throws {
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": Self.report], schema: Self.schema).build()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        let register = try #require(output.text("documents/index.html"))
        #expect(register.contains("<span>黄政规〔2023〕5号</span>"))
        #expect(register.contains(#"<span><time datetime="2023-08-01">2023年8月1日</time>起施行</span>"#))
        let page = try #require(output.text("t/2023/index.html"))
        #expect(page.contains("</a>》（黄政规〔2023〕5号，2023年7月12日，2023年8月1日起施行）</li>"))
        // In the body too, the title marks stand outside the link (no underline under their blank halves).
        #expect(page.contains(#"依照《<a class="doc-ref" id="ref-rules-1" href="../../documents/#doc-rules">办法</a>》。"#), "\(page)")
    }

    /// The cache keeps every field of a declaration.
    @Test func theFieldsRoundTripThroughTheBuildCache() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": Self.report], schema: Self.schema)
        let report = try #require(ContentLoader(contentDirectory: content.directory, displayName: "Content").load().site?.reports.first)
        #expect(report.documents.first?.number == "黄政规〔2023〕5号")
        let record = BuildCache.ReportRecord(file: "orgs/t/2023.md", tool: "t", context: 1, fingerprint: 2, stamp: nil, report: report,
                                             diagnostics: [], hasBody: false)
        let decoded = try #require(BuildCache.ReportRecord(encoded: record.encoded)?.report)
        #expect(decoded.documents == report.documents)
    }

    /// An undeclared field names the nearest one and where a new one is declared.
    @Test func anUnknownFieldSaysWhereToDeclareANewOne() throws {
        let report = TestContent.report(frontMatter: "documents:\n  rules: {title: 办法, numbr: 5号}\n", body: "## 工作\n\n[《办法》](doc:rules)\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report], schema: Self.schema).build()
        let unknown = try #require(outcome.diagnostics.first { $0.id == "schema.unknown-key" })
        #expect(unknown.hint?.en.hasPrefix("did you mean `number`? To add a new field instead, declare it under `properties:` of the schema at Content/schema.yaml:") == true,
                "\(String(describing: unknown.hint?.en))")
        #expect(outcome.diagnostics.filter { $0.id == "schema.unknown-key" }.count == 1)
    }

    /// The register names the first place a report names a document by its part and section, as the paper is cited,
    /// and how many places there are.
    @Test func theRegisterListsEveryMentionByPartAndSection() throws {
        let report = TestContent.report(frontMatter: "documents:\n  rules: {title: 管理办法}\n", body: """
            依照[《办法》](doc:rules)部署。

            ## 工作

            ### 强化政策供给

            落实[《办法》](doc:rules)，再次依照[《办法》](doc:rules)。

            """)
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        let register = try #require(output.text("documents/index.html"))
        #expect(register.contains("测试报告 · 引言</a>（共 3 处）"), "\(register)")
        let heading = TestContent.report(frontMatter: "documents:\n  rules: {title: 管理办法}\n",
                                         body: "## 工作\n\n### 强化政策供给\n\n落实[《办法》](doc:rules)。\n")
        let (_, second) = try TestContent(files: ["orgs/t/2023.md": heading]).build()
        #expect(try #require(second.text("documents/index.html")).contains("测试报告 · 一、（一）强化政策供给</a></li>"))
    }

    /// A key declared differently in two reports is reported at the second declaration's line, the first named.
    @Test func aConflictingDeclarationIsReportedAtItsOwnLine() throws {
        func report(_ year: Int, _ title: String) -> String {
            TestContent.report(year: year, frontMatter: "documents:\n  rules: {title: \(title)}\n", body: "## 工作\n\n[《办法》](doc:rules)\n")
        }
        let (outcome, _) = try TestContent(files: ["orgs/t/2022.md": report(2022, "管理办法"), "orgs/t/2023.md": report(2023, "管理规定")]).build()
        let conflict = try #require(outcome.diagnostics.first { $0.id == "doc.conflicting-declaration" })
        #expect("\(conflict.location)" == "Content/orgs/t/2023.md:7:3")
        #expect(conflict.related.map { "\($0.location)" } == ["Content/orgs/t/2022.md:7:3"])
    }

    /// Undated documents (and those of one date) are listed by the pinyin of their titles, not by code point
    /// (保 U+4FDD comes before 安 U+5B89 by code point).
    @Test func documentsOfOneDateAreInPinyinOrder() throws {
        let report = TestContent.report(frontMatter: """
            documents:
              d: {title: 行政许可法}
              b: {title: 保守国家秘密法}
              a: {title: 安全生产法}
              c: {title: 档案法}

            """, body: "## 工作\n\n[《行政许可法》](doc:d)[《保守国家秘密法》](doc:b)[《安全生产法》](doc:a)[《档案法》](doc:c)\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let register = try #require(output.text("documents/index.html"))
        let positions = try ["安全生产法", "保守国家秘密法", "档案法", "行政许可法"].map { try #require(register.range(of: "《\($0)》")).lowerBound }
        #expect(positions == positions.sorted(), "\(register)")
    }
}
