import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender

/// `/metrics/` and `/metrics/{key}/`: a figure across departments and years, as a chart and as its table.
@Suite struct MetricPagesTests {
    static func report(_ org: String, _ year: Int, _ figure: String) -> String {
        TestContent.report(org: org, year: year, body: "## 工作\n\n讲座[\(figure)](metric:lectures)。\n")
    }

    static let files = [
        "orgs/a/2021.md": report("a", 2021, "12 次"), "orgs/a/2022.md": report("a", 2022, "15 次"), "orgs/a/2023.md": report("a", 2023, "20 余次"),
        "orgs/b/2022.md": report("b", 2022, "8 次"), "orgs/b/2023.md": report("b", 2023, "约 10 次"),
    ]

    @Test func theChartIsWellFormedAndDrawsTheTablesValues() throws {
        let (outcome, output) = try TestContent(files: Self.files).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let page = try #require(output.text("metrics/lectures/index.html"))
        let svg = String(try #require(page.range(of: "<svg").map { page[$0.lowerBound...] }).prefix { _ in true })
        let end = try #require(svg.range(of: "</svg>"))
        let chart = String(svg[..<end.upperBound])
        // Well-formed XML, with a title and the table as its description.
        let document = try XMLDocument(xmlString: chart)
        let root = try #require(document.rootElement())
        #expect(root.name == "svg" && chart.hasPrefix(#"<svg class="metric-chart" viewBox="0 0 400 260" role="img" aria-labelledby="metric-table-title" aria-describedby="metric-table""#))
        #expect(try root.nodes(forXPath: "*[local-name()='title']").first?.stringValue == "法治讲座（单位：次）")
        // One series per department (its points as the group's marks); each point's value is a cell of the table.
        #expect(try root.nodes(forXPath: "*[local-name()='g']").count == 2)
        let groups = chart.matches(of: /<g class="series" data-org="([^"]+)">(.*?)<\/g>/)
        #expect(groups.map { String($0.output.1) } == ["a", "b"])
        let values = groups.map { group in String(group.output.2).matches(of: /data-value="([^"]+)"/).map { String($0.output.1) } }
        #expect(values == [["12", "15", "20"], ["8", "10"]])
        for value in values.joined() { #expect(page.contains(#"<data value="\#(value)""#)) }
        // Qualifiers stay: marked in the chart, kept in the table.
        #expect(chart.contains(">≥</text>") && chart.contains(">≈</text>"))
        #expect(page.contains(#"<data value="20" data-qualifier="more-than">20 余次</data>"#))
        // b has no 2021 report: an empty cell, not a zero.
        #expect(page.contains(#"<th scope="row"><a href="../../b/">测试局b</a></th><td></td>"#), "\(page)")
    }

    @Test func theCatalogueCountsReportsAndShowsTheLatest() throws {
        let (_, output) = try TestContent(files: Self.files).build()
        let page = try #require(output.text("metrics/index.html"))
        let row = page.components(separatedBy: "\n").first { $0.contains("lectures/") } ?? ""
        #expect(row.hasPrefix(#"<tr><th scope="row"><a href="../metrics/lectures/">法治讲座</a></th><td>次</td><td>计数</td><td>5</td>"#), "\(row)")
        #expect(page.contains("测试局 2023：20 余次"))
        #expect(try #require(output.text("metrics/copies/index.html")).contains("尚无报告给出此项数据"))
    }

    /// A department's page draws its headline metrics (lectures is one in the test catalogue) over its own years, each
    /// chart with its table; a metric that is not a headline, or that the department never gives, has none.
    @Test func theDepartmentPageChartsItsHeadlineMetrics() throws {
        let (_, output) = try TestContent(files: Self.files).build()
        let page = try #require(output.text("a/index.html"))
        let charts = page.matches(of: /<figure class="org-chart">(.*?)<\/figure>/.dotMatchesNewlines())
        #expect(charts.count == 1)
        let chart = String(try #require(charts.first).output.1)
        #expect(chart.contains(#"aria-describedby="org-metric-lectures""#) && chart.contains(#"<table id="org-metric-lectures">"#))
        #expect(chart.matches(of: /<g class="series"/).count == 1)
        #expect(chart.matches(of: /data-value="([^"]+)"/).map { String($0.output.1) } == ["12", "15", "20"])
        #expect(chart.contains(#"<tr><td>2023</td><td><a href="../a/2023/#fig-lectures"><data value="20">20 余次</data></a></td></tr>"#), "\(chart)")
        #expect(chart.contains("2021年") && chart.contains("2023年"))
    }

    /// Axis steps are 1, 2 or 5 times a power of ten, so each tick is exact as printed.
    @Test func theAxisHasRoundTicks() {
        #expect(MetricChart.scale(6).ticks == [0, 2, 4, 6])
        #expect(MetricChart.scale(58).ticks == [0, 20, 40, 60])
        #expect(MetricChart.scale(460).ticks == [0, 100, 200, 300, 400, 500])
        #expect(MetricChart.scale(98.5).ticks == [0, 20, 40, 60, 80, 100])
        #expect(MetricChart.scale(3).ticks == [0, 1, 2, 3])
    }
}

extension MetricPagesTests {
    /// Past six departments the catalogue gives the latest year's range, not a figure per department; the metric's own
    /// page still has every department.
    /// Seven departments giving lectures in 2023, one of them in 2022 too.
    static var manyDepartments: [String: String] {
        var files: [String: String] = [:]
        for (index, figure) in ["8 次", "60 余次", "12 次", "9 次", "30 次", "11 次", "10 次"].enumerated() {
            files["orgs/d\(index)/2023.md"] = report("d\(index)", 2023, figure)
        }
        files["orgs/d0/2022.md"] = report("d0", 2022, "900 次")
        return files
    }

    @Test func theCatalogueSumsUpAMetricOfManyDepartments() throws {
        let (outcome, output) = try TestContent(files: Self.manyDepartments).build()
        #expect(outcome.succeeded, "\(outcome.located)")
        let row = try #require(output.text("metrics/index.html")).components(separatedBy: "\n").first { $0.contains("lectures/") } ?? ""
        #expect(row.hasSuffix(#"<td>8</td><td><span class="metric-latest">2023 年 7 个部门：8 次 至 60 余次</span></td></tr>"#), "\(row)")
        let page = try #require(output.text("metrics/lectures/index.html"))
        #expect(page.matches(of: /<g class="series"/).count == 7)
    }
}
