import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// What became of each commitment: 已落实 when a later report of the department links it, 未见后续报告 when the next
/// year's report is published and none does, 待报告 while the next year's report is not published.
@Suite struct CommitmentsTests {
    static func report(_ org: String, _ year: Int, body: String, plans: [String]) -> String {
        let items = plans.map { "### 安排\($0) {#\($0)}\n\n内容。\n" }.joined(separator: "\n")
        return "---\norg: \(org)\nyear: \(year)\ntitle: 测试报告\npublished: \(year + 1)-03-01\n---\n## 工作\n\n\(body)\n\n## 明年 {#plans}\n\n\(items)"
    }

    static let files = [
        "orgs/a/2021.md": report("a", 2021, body: "正文。", plans: ["p1", "p2", "p3"]),
        // Delivers p1 the next year; p3 only two years later (2023).
        "orgs/a/2022.md": report("a", 2022, body: "[落实](plan:2021#p1)。", plans: ["q1"]),
        "orgs/a/2023.md": report("a", 2023, body: "[落实](plan:2021#p3)。", plans: ["r1"]),
        // Another department citing a's commitment delivers nothing of a's (and is warned).
        "orgs/b/2022.md": report("b", 2022, body: "[参照](plan:a/2021#p2)。", plans: []),
    ]

    @Test func eachCommitmentHasItsState() throws {
        let content = try TestContent(files: Self.files)
        let site = try #require(ContentLoader(contentDirectory: content.directory).load().site)
        let commitments = Commitments(reports: site.reports)
        let states = commitments.byReport.map { entry in "\(entry.report.org)/\(entry.report.year): " + entry.items.map { "\($0.item.id)=\($0.state.rawValue)" }.joined(separator: " ") }
        #expect(states == ["a/2021: p1=delivered p2=no-follow-up p3=delivered", "a/2022: q1=no-follow-up", "a/2023: r1=pending"], "\(states)")
        let p3 = try #require(commitments.byReport.first?.items.last)
        #expect(p3.deliveries.map { "\($0.report.year)#\($0.reference.anchor) \($0.reference.section)" } == ["2023#delivers-1 一、工作"])
        #expect(Commitments.summary(commitments.byReport[0].items, year: 2021) == "2021 年承诺 3 项：已落实 2 项，未见后续 1 项")
    }

    @Test func thePagesShowThem() throws {
        let (outcome, output) = try TestContent(files: Self.files).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let page = try #require(output.text("commitments/index.html"))
        #expect(page.contains(#"<li class="commitment-delivered"><a href="../a/2021/#p3">（三）安排p3</a> <strong class="commitment-state">已落实</strong>：<a href="../a/2023/#delivers-1">2023 年报告 · 一、工作</a> <p class="commitment-text">内容。</p></li>"#), "\(page)")
        #expect(page.contains(#"<li class="commitment-pending"><a href="../a/2023/#r1">（一）安排r1</a> <strong class="commitment-state">待报告</strong><p class="commitment-text">内容。</p></li>"#))
        let report = try #require(output.text("a/2021/index.html"))
        #expect(report.contains("2021 年承诺 3 项：已落实 2 项，未见后续 1 项"))
        // The delivering link carries the anchor the commitment links to.
        #expect(try #require(output.text("a/2023/index.html")).contains(#"<a class="plan-ref" id="delivers-1" href="../../a/2021/#p3">落实</a>"#))
    }

    /// The home page sums up the latest year's publication and every commitment, linking to the full pages.
    @Test func theHomePageGivesThemAtAGlance() throws {
        let (_, output) = try TestContent(files: Self.files).build()
        let home = try #require(output.text("index.html"))
        // 2023: a published; b, whose first report is 2022, missing.
        #expect(home.contains(#"<li><a href="status/">2023 年度报告</a>：已公开 1 份（按期 1，逾期 0），未公开 1 份</li>"#), "\(home)")
        #expect(home.contains(#"<li><a href="commitments/">工作安排</a> 5 项：已落实 2 项，未见后续报告 2 项，待报告 1 项</li>"#))
    }
}
