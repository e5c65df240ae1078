import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// The schema is the model: a field declared in schema.yaml may be written and reaches the templates, dates in the
/// forms the schema allows, and the shipped print page shows 发文字号 and 主送机关 where GB/T 9704 puts them.
@Suite struct SchemaFieldsTests {
    /// The test schema, widened as a portal team would: 主送机关, 主题分类, a reviewed month, a flag and keywords; a
    /// document's issue date may be a year or a month.
    static let schema = TestContent.schema
        .replacingOccurrences(of: "    published: {type: string, format: date}\n", with: """
                published: {type: string, format: date}
                doc_number: {type: string}
                addressee: {type: string}
                topic: {type: string}
                reviewed: {type: string, format: year-month}
                open: {type: boolean}
                keywords: {type: array, items: {type: string}}

            """)
        .replacingOccurrences(of: "issued: {type: string, format: date}", with: "issued: {type: string, format: partial-date}, validity: {type: string}")

    static let report = TestContent.report(frontMatter: """
        doc_number: 黄国动〔2024〕3号
        addressee: 市委全面依法治市委员会办公室
        topic: 法治政府
        reviewed: 2024-02
        open: true
        keywords: [法治建设, 年度报告]
        documents:
          law: {title: 中华人民共和国人民防空法, issued: 1996, validity: 有效}
          plan: {title: 法治黄石建设规划, issued: 2021-12}

        """, body: "## 工作\n\n依照[《人民防空法》](doc:law)和[《规划》](doc:plan)。\n")

    /// The shipped templates, with a line on the report page that reads every kind of declared field.
    static func templates(extra: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.templates, to: folder)
        let page = folder.appendingPathComponent("report.mustache")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "</article>", with: extra + "\n</article>").utf8).write(to: page)
        return folder
    }

    static func build(_ report: String, extra: String) throws -> (Builder.Outcome, MemoryOutput) {
        let content = try TestContent(files: ["orgs/t/2023.md": report], schema: schema)
        var options = content.options
        options.templatesDirectory = try templates(extra: extra)
        let output = MemoryOutput()
        return (try Builder(options: options).build(to: output), output)
    }

    @Test func everyDeclaredFieldReachesTheTemplates() throws {
        let line = """
            <p id="fields">{{report.fields.topic}}|{{report.fields.reviewed}}|{{#report.fields.open}}open{{/report.fields.open}}|\
            {{#report.fields.keywords}}[{{.}}]{{/report.fields.keywords}}|{{report.fields.published}}</p>
            {{#documents}}<p class="doc">{{title}}:{{fields.issued}}:{{fields.validity}}</p>{{/documents}}
            """
        let (outcome, output) = try Self.build(Self.report, extra: line)
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.located)")
        let page = try #require(output.text("t/2023/index.html"))
        #expect(page.contains(#"<p id="fields">法治政府|2024年2月|open|[法治建设][年度报告]|2024年3月1日</p>"#), "\(page)")
        #expect(page.contains(#"<p class="doc">中华人民共和国人民防空法:1996年:有效</p>"#))
        #expect(page.contains(#"<p class="doc">法治黄石建设规划:2021年12月:</p>"#))
    }

    /// A partial date is shown as far as it is known, on the report page and in the register, and sorts before the
    /// dated days of its year.
    @Test func partialDatesAreShownAsFarAsTheyAreKnown() throws {
        let (outcome, output) = try Self.build(Self.report, extra: "")
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        let page = try #require(output.text("t/2023/index.html"))
        #expect(page.contains("中华人民共和国人民防空法</a>》（1996年）</li>"), "\(page)")
        let register = try #require(output.text("documents/index.html"))
        #expect(register.contains(#"<time datetime="2021-12">2021年12月</time>"#), "\(register)")
        let plan = try #require(register.range(of: "法治黄石建设规划")), law = try #require(register.range(of: "中华人民共和国人民防空法"))
        #expect(plan.lowerBound < law.lowerBound, "newest first")
    }

    @Test func aDateInAFormTheSchemaDoesNotAllowIsAnError() throws {
        let report = Self.report.replacingOccurrences(of: "reviewed: 2024-02", with: "reviewed: 2024-02-30")
        let (outcome, _) = try Self.build(report, extra: "")
        let problem = try #require(outcome.diagnostics.first { $0.id == "schema.date" })
        #expect(problem.location.line == 9)
        #expect(problem.message.en.contains("must be a month, written YYYY-MM"), "\(problem.message.en)")
        #expect(!outcome.succeeded)
    }

    /// A template reading a field the schema does not declare is told so, with the nearest declared one.
    @Test func aTemplateReadingAnUndeclaredFieldIsWarned() throws {
        let (outcome, _) = try Self.build(Self.report, extra: "<p>{{report.fields.topik}}</p>{{#documents}}{{fields.validty}}{{/documents}}")
        let unknown = outcome.diagnostics.filter { $0.id == "template.unknown-field" }
        #expect(unknown.map(\.fixIt?.replacement) == ["topic", "validity"], "\(outcome.located)")
        #expect(unknown.allSatisfy { $0.location.file == "Templates/report.mustache" })
    }

    /// The print page: 发文字号 centred above the title, 主送机关 below it, flush left with a full-width colon
    /// (written with or without one in the front matter).
    @Test func thePrintPageShowsTheNumberAndTheAddressee() throws {
        for written in ["市委全面依法治市委员会办公室", "市委全面依法治市委员会办公室：", "市委全面依法治市委员会办公室:"] {
            let report = Self.report.replacingOccurrences(of: "addressee: 市委全面依法治市委员会办公室", with: "addressee: \"\(written)\"")
            let (outcome, output) = try Self.build(report, extra: "")
            #expect(outcome.succeeded, "\(outcome.diagnostics)")
            let print = try #require(output.text("t/2023/print/index.html"))
            let number = try #require(print.range(of: #"<p class="document-number">黄国动〔2024〕3号</p>"#))
            let title = try #require(print.range(of: #"<h1 class="document-title">"#))
            let addressee = try #require(print.range(of: #"<p class="addressee">市委全面依法治市委员会办公室：</p>"#), "\(written)")
            #expect(number.lowerBound < title.lowerBound && title.lowerBound < addressee.lowerBound)
        }
        let plain = TestContent.report(body: "## 工作\n\n正文。\n")
        let (_, output) = try Self.build(plain, extra: "")
        let print = try #require(output.text("t/2023/print/index.html"))
        #expect(!print.contains("document-number") && !print.contains("addressee"))
    }

    /// Every kind of field survives the build cache.
    @Test func theFieldsRoundTripThroughTheBuildCache() throws {
        let content = try TestContent(files: ["orgs/t/2023.md": Self.report], schema: Self.schema)
        let report = try #require(ContentLoader(contentDirectory: content.directory, displayName: "Content").load().site?.reports.first)
        #expect(report.frontMatter["keywords"] == .list(["法治建设", "年度报告"]))
        #expect(report.frontMatter["open"] == .flag(true))
        let record = BuildCache.ReportRecord(file: "orgs/t/2023.md", tool: "t", context: 1, fingerprint: 2, stamp: nil, report: report,
                                             diagnostics: [], hasBody: false)
        let decoded = try #require(BuildCache.ReportRecord(encoded: record.encoded)?.report)
        #expect(decoded.frontMatter == report.frontMatter)
        #expect(decoded.documents.map(\.fields) == report.documents.map(\.fields))
        #expect(decoded.documents.first?.issued?.precision == .year)
    }
}
