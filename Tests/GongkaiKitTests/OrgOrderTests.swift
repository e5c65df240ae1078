import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel

/// Departments are listed in the portal's order: `order:` first, then by the pinyin of their names, never by folder.
@Suite struct OrgOrderTests {
    @Test func departmentsAreListedByOrderThenPinyin() throws {
        var files: [String: String] = [:]
        for (slug, name, order) in [("a", "张家港市司法局", nil), ("b", "阿城区司法局", nil), ("c", "重庆市司法局", nil), ("d", "北京市司法局", 1)] as [(String, String, Int?)] {
            files["orgs/\(slug)/org.yaml"] = "name: \(name)\n" + (order.map { "order: \($0)\n" } ?? "")
            files["orgs/\(slug)/2023.md"] = TestContent.report(org: slug, body: "## 工作\n\n正文。\n")
        }
        let (outcome, output) = try TestContent(files: files).build()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.site?.orgs.map(\.slug) == ["d", "b", "c", "a"])
        let home = try #require(output.text("index.html"))
        let positions = ["北京市司法局", "阿城区司法局", "重庆市司法局", "张家港市司法局"].map { home.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func anOrderThatIsNotANumberIsAnError() throws {
        let files = ["orgs/a/org.yaml": "name: 测试局甲\norder: first\n", "orgs/a/2023.md": TestContent.report(org: "a", body: "## 工作\n")]
        let (outcome, _) = try TestContent(files: files).build()
        #expect(outcome.diagnostics.map(\.id) == ["schema.type"])
        #expect(outcome.diagnostics.first?.location.line == 2)
    }

    /// A report without headline figures shows its parts on its home page card.
    @Test func aCardWithoutHeadlineFiguresShowsItsParts() throws {
        let files = ["orgs/a/2023.md": TestContent.report(org: "a", body: "## 工作开展情况\n\n正文。\n\n## 存在的问题\n\n正文。\n")]
        let (outcome, output) = try TestContent(files: files).build()
        #expect(outcome.succeeded)
        let home = try #require(output.text("index.html"))
        #expect(home.contains("<ol class=\"card-parts\">\n<li>一、工作开展情况</li>\n<li>二、存在的问题</li>\n</ol>"), "\(home)")
    }
}
