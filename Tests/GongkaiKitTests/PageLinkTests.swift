import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// A report cites another report with `report:ORG/YEAR`, and its relative links are checked: each leads to a page
/// the portal has and an anchor that page has, and is addressed rightly from the web page and the print page.
@Suite struct PageLinkTests {
    static let lastYear = TestContent.report(year: 2022, body: "## 工作 {#work}\n\n正文。\n\n## 明年 {#plans}\n\n### 宣传 {#plan-a}\n\n正文。\n")

    static func build(_ body: String, schema: String = TestContent.schema, extra: [String: String] = [:]) throws -> (Builder.Outcome, MemoryOutput) {
        var files = ["orgs/t/2022.md": lastYear, "orgs/t/2023.md": TestContent.report(body: "## 工作\n\n\(body)\n")]
        files.merge(extra) { _, new in new }
        return try TestContent(files: files, schema: schema).build()
    }

    @Test func aReportLinkIsAddressedFromEachPageThatShowsIt() throws {
        let (outcome, output) = try Self.build("见[上年报告](report:2022)和[上年的安排](report:t/2022#plans)。")
        #expect(outcome.succeeded && outcome.diagnostics.isEmpty, "\(outcome.located)")
        let page = try #require(output.text("t/2023/index.html"))
        #expect(page.contains(#"<a class="page-ref" href="../../t/2022/">上年报告</a>"#), "\(page)")
        #expect(page.contains(#"<a class="page-ref" href="../../t/2022/#plans">上年的安排</a>"#))
        let print = try #require(output.text("t/2023/print/index.html"))
        #expect(print.contains(#"<a class="page-ref" href="../../../t/2022/#plans">上年的安排</a>"#), "\(print)")
    }

    @Test func relativeLinksAreResolvedFromTheReportPage() throws {
        let (outcome, output) = try Self.build("""
            见[上年](../2022/)、[上年工作](../2022/index.html#work)、[部门](../)、[文件登记](../../documents/)、[PDF](../2022/report.pdf)、\
            [网站](https://www.gov.cn/)、[本页](#s1)、[邮件](mailto:a@b.cn)。
            """)
        #expect(outcome.succeeded && outcome.diagnostics.isEmpty, "\(outcome.located)")
        let print = try #require(output.text("t/2023/print/index.html"))
        #expect(print.contains(#"href="../../../t/2022/#work""#))
        #expect(print.contains(#"href="../../../t/""#) && print.contains(#"href="../../../documents/""#))
        #expect(print.contains(#"href="../../../t/2022/report.pdf""#))
        #expect(print.contains(#"<a href="https://www.gov.cn/">网站</a>"#) && print.contains(##"<a href="#s1">本页</a>"##))
    }

    @Test func aLinkToAPageThePortalDoesNotHaveIsAnError() throws {
        let (outcome, _) = try Self.build("见[前年](../2021/)和[报告](report:t/2021)。")
        let broken = outcome.diagnostics.filter { $0.id == "link.broken" }
        #expect(broken.map { "\($0.location.line):\($0.location.column)" } == ["9:2", "9:17"], "\(outcome.located)")
        #expect(broken.first?.hint?.en.contains("report:t/2022") == true, "\(String(describing: broken.first?.hint))")
        #expect(!outcome.succeeded)
    }

    @Test func anAnchorTheCitedReportDoesNotHaveIsAnError() throws {
        let (outcome, _) = try Self.build("见[安排](report:2022#plan)。")
        let missing = try #require(outcome.diagnostics.first { $0.id == "link.no-such-anchor" }, "\(outcome.located)")
        #expect(missing.fixIt?.replacement == "plans" || missing.fixIt?.replacement == "plan-a")
    }

    @Test func malformedAndOutsideLinksAreErrors() throws {
        let (outcome, _) = try Self.build("见[报告](report:去年)和[别处](../../../x/)。")
        #expect(outcome.located == ["link.malformed@9:2", "link.outside-portal@9:18"], "\(outcome.located)")
    }

    /// A department delivers its own commitments: citing another's is a warning, unless the schema allows it.
    @Test func aPlanOfAnotherDepartmentIsAWarningUnlessTheSchemaAllowsIt() throws {
        let other = ["orgs/u/2022.md": TestContent.report(org: "u", year: 2022, body: "## 明年 {#plans}\n\n### 宣传 {#plan-u}\n\n正文。\n")]
        let (warned, _) = try Self.build("兑现[承诺](plan:u/2022#plan-u)。", extra: other)
        #expect(warned.located == ["plan.other-department@9:3"], "\(warned.located)")
        let (allowed, _) = try Self.build("兑现[承诺](plan:u/2022#plan-u)。", schema: TestContent.schema + "\nplans_across_departments: true\n", extra: other)
        #expect(allowed.diagnostics.isEmpty, "\(allowed.located)")
    }
}
