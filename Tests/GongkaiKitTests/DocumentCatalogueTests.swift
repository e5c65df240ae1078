import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// `Content/documents.yaml`: documents many departments name, linked with `doc:KEY` without declaring them.
@Suite struct DocumentCatalogueTests {
    static let catalogue = """
        # 全市共用的文件
        air-defence-law: {title: 中华人民共和国人民防空法, issued: 1996-10-29, kind: 法律}
        city-plan: {title: 法治黄石建设规划（2021—2025年）, issued: 2021-12-30, issuer: 中共黄石市委}

        """

    static func report(org: String, frontMatter: String = "", body: String) -> String {
        TestContent.report(org: org, frontMatter: frontMatter, body: "## 工作\n\n\(body)\n")
    }

    @Test func reportsLinkTheCatalogueWithoutDeclaringIt() throws {
        let (outcome, output) = try TestContent(files: [
            "documents.yaml": Self.catalogue,
            "orgs/a/2023.md": Self.report(org: "a", body: "依照[《人民防空法》](doc:air-defence-law)，落实[《规划》](doc:city-plan)。"),
            "orgs/b/2023.md": Self.report(org: "b", body: "落实[《规划》](doc:city-plan)。"),
        ]).build()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.located)")
        let page = try #require(output.text("a/2023/index.html"))
        #expect(page.contains("中华人民共和国人民防空法</a>》（1996年10月29日）</li>"), "\(page)")
        let register = try #require(output.text("documents/index.html"))
        // One entry per document, with every report that names it.
        #expect(register.components(separatedBy: "法治黄石建设规划（2021—2025年）").count == 2, "\(register)")
        let plan = try #require(register.range(of: "法治黄石建设规划"))
        let mentions = register[plan.upperBound...].prefix(2000)
        #expect(mentions.contains("a/2023/#") && mentions.contains("b/2023/#"))
    }

    /// A report may declare a catalogue key itself, as long as it declares the same document; a different one is
    /// reported at the report's line, with the catalogue's.
    @Test func aReportDeclaringACatalogueKeyDifferentlyIsAnError() throws {
        let same = Self.report(org: "a", frontMatter: "documents:\n  city-plan: {title: 法治黄石建设规划（2021—2025年）, issued: 2021-12-30, issuer: 中共黄石市委}\n",
                               body: "落实[《规划》](doc:city-plan)。")
        let (accepted, _) = try TestContent(files: ["documents.yaml": Self.catalogue, "orgs/a/2023.md": same]).build()
        #expect(accepted.succeeded && accepted.diagnostics.isEmpty, "\(accepted.located)")

        let different = Self.report(org: "a", frontMatter: "documents:\n  city-plan: {title: 法治黄石建设规划}\n", body: "落实[《规划》](doc:city-plan)。")
        let (outcome, _) = try TestContent(files: ["documents.yaml": Self.catalogue, "orgs/a/2023.md": different]).build()
        let conflict = try #require(outcome.diagnostics.first { $0.id == "doc.conflicting-declaration" })
        #expect("\(conflict.location)" == "Content/orgs/a/2023.md:7:3")
        #expect(conflict.related.map { "\($0.location)" } == ["Content/documents.yaml:3:1"])
        #expect(!outcome.succeeded)
    }

    /// One document under two keys would be listed twice: a warning at the second.
    @Test func theSameTitleUnderTwoKeysIsWarnedAtTheSecond() throws {
        let report = Self.report(org: "a", frontMatter: "documents:\n  law: {title: 中华人民共和国人民防空法}\n", body: "依照[《人民防空法》](doc:law)。")
        let (outcome, _) = try TestContent(files: ["documents.yaml": Self.catalogue, "orgs/a/2023.md": report]).build()
        let duplicate = try #require(outcome.diagnostics.first { $0.id == "doc.duplicate-title" }, "\(outcome.located)")
        #expect("\(duplicate.location)" == "Content/orgs/a/2023.md:7:3")
        #expect(duplicate.severity == .warning)
        #expect(duplicate.hint?.en.contains("doc:air-defence-law") == true)
        #expect(outcome.succeeded)
    }

    /// The catalogue is checked by the schema's rule for a declaration, and a key in neither place names both.
    @Test func theCatalogueIsCheckedLikeADeclaration() throws {
        let (outcome, _) = try TestContent(files: [
            "documents.yaml": "law: {title: 人民防空法, isued: 1996-10-29}\nplan: {issued: 2021-12-30}\n",
            "orgs/a/2023.md": Self.report(org: "a", body: "依照[《法》](doc:law)和[《规划》](doc:plan)、[《办法》](doc:rules)。"),
        ]).build()
        #expect(outcome.located.contains("schema.unknown-key@1:21"), "\(outcome.located)")
        #expect(outcome.located.contains("schema.missing-field@2:7"), "\(outcome.located)")
        let unknown = outcome.diagnostics.filter { $0.id == "doc.unknown-key" }
        // `plan` is there but broken: its own diagnostic says so, the link is not reported again.
        #expect(unknown.count == 1 && unknown.first?.message.en.contains("`rules`") == true, "\(unknown)")
        #expect(unknown.first?.message.en.contains("documents.yaml") == true)
    }

    /// Changing the catalogue changes the pages of the reports that name it, through the build cache.
    @Test func anEditedCatalogueReachesCachedReports() throws {
        let content = try TestContent(files: [
            "documents.yaml": Self.catalogue,
            "orgs/a/2023.md": Self.report(org: "a", body: "依照[《人民防空法》](doc:air-defence-law)。"),
        ])
        let cacheFolder = content.directory.deletingLastPathComponent().appendingPathComponent("cache-\(UUID().uuidString)")
        var options = content.options
        options.cache = BuildCache(directory: cacheFolder, tool: "catalogue-test")
        let first = MemoryOutput()
        _ = try Builder(options: options).build(to: first)
        try Data(Self.catalogue.replacingOccurrences(of: "1996-10-29", with: "2009-08-27").utf8)
            .write(to: content.directory.appendingPathComponent("documents.yaml"))
        let second = MemoryOutput()
        let outcome = try Builder(options: options).build(to: second)
        #expect(outcome.succeeded)
        #expect(try #require(second.text("a/2023/index.html")).contains("（2009年8月27日）"))
    }
}
