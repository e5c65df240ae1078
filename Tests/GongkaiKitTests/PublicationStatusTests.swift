import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput

/// `/status/`: who published which year's report, and on time against schema.yaml's deadline.
@Suite struct PublicationStatusTests {
    static func report(_ org: String, _ year: Int, published: String) -> String {
        "---\norg: \(org)\nyear: \(year)\ntitle: 测试报告\npublished: \(published)\n---\n## 工作\n\n正文。\n"
    }

    static let files = [
        // On time, late (on the deadline day itself), and a gap year in between.
        "orgs/a/2021.md": report("a", 2021, published: "2022-03-31"),
        "orgs/a/2023.md": report("a", 2023, published: "2024-04-01"),
        // A department whose first report here is 2022: 2021 is not expected of it.
        "orgs/b/2022.md": report("b", 2022, published: "2023-02-10"),
        "orgs/b/2023.md": report("b", 2023, published: "2024-03-01"),
    ]

    static let schema = TestContent.schema + "\ndeadline: \"04-01\"\n"

    @Test func eachYearOfEachDepartmentHasItsState() throws {
        let content = try TestContent(files: Self.files, schema: Self.schema)
        let site = try #require(ContentLoader(contentDirectory: content.directory).load().site)
        let status = PublicationStatus(orgs: site.orgs, reports: site.reports, schema: site.schema)
        #expect(status.years == [2021, 2022, 2023])
        let states = status.rows.map { row in row.cells.map(\.state.rawValue) }
        #expect(states == [["on-time", "missing", "late"], ["not-expected", "on-time", "on-time"]], "\(states)")
        #expect(status.totals.map { "\($0.year):\($0.onTime)/\($0.late)/\($0.missing)" } == ["2021:1/0/0", "2022:1/0/1", "2023:1/1/0"])
        #expect(status.rows[0].cells[2].due == SimpleDate(iso: "2024-04-01"))
    }

    /// Without a deadline in schema.yaml every published report is on time.
    @Test func withoutADeadlineNothingIsLate() throws {
        let content = try TestContent(files: Self.files)
        let site = try #require(ContentLoader(contentDirectory: content.directory).load().site)
        let status = PublicationStatus(orgs: site.orgs, reports: site.reports, schema: site.schema)
        #expect(!status.rows.flatMap(\.cells).contains { $0.state == .late })
    }

    @Test func theStatusPageShowsTheTableAndTheTotals() throws {
        let (outcome, output) = try TestContent(files: Self.files, schema: Self.schema).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let page = try #require(output.text("status/index.html"))
        #expect(page.contains(#"<td class="status-late"><a href="../a/2023/"><time datetime="2024-04-01">2024年4月1日</time></a><br><span class="status-label">逾期公开</span></td>"#), "\(page)")
        #expect(page.contains(#"<td class="status-missing"><span class="status-label">未公开</span></td>"#))
        #expect(page.contains(#"<tr><th scope="row">2022</th><td>1</td><td>1</td><td>0</td><td>1</td></tr>"#))
        #expect(page.contains("次年4月1日前"))
        // Every page's navigation leads to it.
        #expect(try #require(output.text("index.html")).contains(#"<a href="status/""#))
    }
}
