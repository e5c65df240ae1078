import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct TemplateLintTests {
    /// Lints `text` as the report page's template, beside empty base, header and footer templates.
    static func lint(_ text: String, as page: PageKind = .report) -> [String] {
        let files = [SourceFile(path: "Templates/\(page.template!).mustache", text: text)]
            + ["base", "header", "footer"].map { SourceFile(path: "Templates/\($0).mustache", text: "") }
        return TemplateLint.check(files, pages: [(page.template!, page.shape!)], common: PageView.shape)
            .map { "\($0.id)@\($0.location.line):\($0.location.column) \($0.hint?.en ?? "")" }
    }

    @Test func missingPartialsAndParentsAreErrors() {
        #expect(Self.lint("{{<bsae}}\n{{/bsae}}\n  {{> footr }}") == [
            "template.missing-partial@1:1 did you mean `base`?",
            "template.missing-partial@3:3 did you mean `footer`?",
        ])
    }

    @Test func namesNoViewProvidesAreWarnings() {
        #expect(Self.lint("<h1>{{titel}}</h1>{{#report.yaer}}{{/report.yaer}}{{{body}}}{{! a comment }}") == [
            "template.unknown-name@1:5 did you mean `title`?",
            "template.unknown-name@1:19 did you mean `year`?",
        ])
    }

    @Test func theSampleTemplatesAreClean() {
        var diagnostics: [Diagnostic] = []
        #expect(TemplateSet.load(from: Repository.templates, displayName: "Templates", into: &diagnostics) != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func namesAreLookedUpSectionBySectionInTheViewOfThePageKind() {
        // Inside `{{#figures}}` a figure's names and the page's are visible; `pdfHref` is the report page's only.
        #expect(Self.lint("{{#figures}}{{lable}}{{/figures}}") == ["template.unknown-name@1:13 did you mean `label`?"])
        #expect(Self.lint("{{#figures}}{{label}}{{title}}{{/figures}}").isEmpty)
        #expect(Self.lint("{{label}}") == ["template.unknown-name@1:1 "])
        #expect(Self.lint("{{pdfHref}}").isEmpty)
        #expect(Self.lint("{{pdfHref}}", as: .home) == ["template.unknown-name@1:1 "])
        #expect(Self.lint("{{#latest}}{{#headlines}}{{label}}{{orgHref}}{{/headlines}}{{/latest}}", as: .home).isEmpty)
        #expect(Self.lint("{{report.yaer}}") == ["template.unknown-name@1:1 did you mean `year`?"])
    }

    /// Each page kind's view type declares the shape of what it gives; the values it gives must have that shape
    /// exactly, or the lint warns wrongly or misses mistakes. Checked on the sample, on a report with every field and on a
    /// metric of many departments.
    @Test func everyViewGivesExactlyTheShapeItsTypeDeclares() throws {
        let full = try TestContent(files: [
            "orgs/a/org.yaml": "name: 测试局a\nshort_name: 测试局\nparent: 测试市政府\ncode: \"11420200MB0000000X\"\n",
            "orgs/a/2023.md": TestContent.report(org: "a", frontMatter: """
                index_no: "011043-2024-0001"
                doc_number: 测办发〔2024〕1号
                addressee: 市委全面依法治市委员会办公室
                written: 2024-02-01
                documents:
                  rules: {title: 规定, issued: 2023-05-01, effective: 2023-06-01, number: 市政府令第12号, kind: 规范性文件, issuer: 市政府}

                """,
                                                 body: "## 甲\n### 乙\n讲座 [3 次](metric:lectures)，[规定](doc:rules)、[规定](doc:rules)。\n"),
            // Without headline figures: its card shows its parts.
            "orgs/b/2023.md": TestContent.report(org: "b", body: "## 工作\n\n正文。\n"),
        ], schema: TestContent.schema.replacingOccurrences(of: "    published: {type: string, format: date}\n", with: """
                published: {type: string, format: date}
                written: {type: string, format: date}
                index_no: {type: string}
                doc_number: {type: string}
                addressee: {type: string}

            """))
        // Past six departments, the metrics catalogue sums a metric up instead of listing each one's latest.
        let many = try TestContent(files: MetricPagesTests.manyDepartments)
        var given: [PageKind: ViewShape] = [:]
        for content in [Repository.content, full.directory, many.directory] {
            let site = try #require(ContentLoader(contentDirectory: content).load().site, "\(content)")
            var templateDiagnostics: [Diagnostic] = []
            let templates = try #require(TemplateSet.load(from: Repository.templates, displayName: "T", into: &templateDiagnostics))
            for page in SiteRenderer(site: site, templates: templates, reportsWithPDF: .all).pages() {
                guard let view = page.view?() else { continue }
                given[page.kind] = Self.union(given[page.kind], Self.shape(of: view))
            }
        }
        for kind in PageKind.allCases {
            let declared = Set(Self.paths(kind.shape)), shown = Set(Self.paths(given[kind]).map(Self.declaredFields))
            #expect(shown.subtracting(declared).sorted() == [], "\(kind) gives names its type does not declare")
            // Pages without a date of their own (home, register, search, 404) never give the PubDate meta tag's value.
            let undated: Set<String> = [.home, .documents, .status, .commitments, .metrics, .metric, .search, .notFound].contains(kind) ? ["meta.pubDate:value"] : []
            #expect(declared.subtracting(shown).subtracting(undated).sorted() == [], "\(kind) declares names no view gave")
        }
    }

    /// `report.title:value`, `toc[].children[].id:value`: every name of a shape with what it holds.
    static func paths(_ shape: ViewShape?, prefix: String = "") -> [String] {
        guard let shape else { return [] }
        switch shape {
        case .value: return [prefix + ":value"]
        case .flag: return [prefix + ":flag"]
        case .fields: return [prefix + ":fields"]
        case .object(let fields), .list(let fields):
            let marker = { if case .list = shape { return "[]" } else { return "" } }()
            let base = prefix + marker
            return fields.flatMap { paths($0.value, prefix: base.isEmpty ? $0.key : "\(base).\($0.key)") }
        }
    }

    /// A path into the fields the schema declares, as the shape declares them: `report.fields.org:value` is
    /// `report.fields:fields`.
    static func declaredFields(_ path: String) -> String {
        guard let range = path.range(of: "fields.") ,
              range.lowerBound == path.startIndex || path[path.index(before: range.lowerBound)] == "." else { return path }
        return path[..<range.upperBound].dropLast() + ":fields"
    }

    /// The shape a value has, as far as its content shows: an empty list shows nothing of its items.
    static func shape(of value: Any) -> ViewShape {
        if let dictionary = value as? [String: Any] { return .object(dictionary.mapValues(shape)) }
        if let dictionary = value as? [String: String] { return .object(dictionary.mapValues(shape)) }
        if let array = value as? [Any] { return .list(array.map(shape).reduce(ViewShape.list([:])) { union($0, $1) }.fields) }
        if value is Bool { return .flag }
        return .value
    }

    static func union(_ a: ViewShape?, _ b: ViewShape) -> ViewShape {
        guard let a else { return b }
        let fields = a.fields.merging(b.fields) { union($0, $1) }
        if case .list = b { return .list(fields) }
        if case .list = a, b.fields.isEmpty { return .list(fields) }
        if case .object = b { return .object(fields) }
        return fields.isEmpty ? b : .object(fields)
    }
}
