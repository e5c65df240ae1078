import Foundation
import Testing
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiSyntax

/// Year over year on the report page: how each figure moved since the department's previous report.
@Suite struct FigureChangeTests {
    static func figure(_ text: String) throws -> Figure {
        guard case .success(let figure) = FigureParser.parse(text, metric: "m") else { throw CancellationError() }
        return figure
    }

    @Test func changesAreExactAndSayWhenTheyAreNot() throws {
        #expect(FigureChange.describe(try Self.figure("15 次"), since: try Self.figure("12 次")) == "↑ 3 次")
        #expect(FigureChange.describe(try Self.figure("40 件"), since: try Self.figure("46 件")) == "↓ 6 件")
        #expect(FigureChange.describe(try Self.figure("15 次"), since: try Self.figure("15 次")) == "持平")
        // 余 on either side: about, not exactly.
        #expect(FigureChange.describe(try Self.figure("70 余次"), since: try Self.figure("60 余次")) == "≈ ↑ 10 次")
        #expect(FigureChange.describe(try Self.figure("1.6万份"), since: try Self.figure("1.5万余份")) == "≈ ↑ 1000 份")
        // Percentages move in points, in decimal digits.
        #expect(FigureChange.describe(try Self.figure("99.2%"), since: try Self.figure("98.5%")) == "↑ 0.7 个百分点")
        // Different units are not compared.
        #expect(FigureChange.describe(try Self.figure("3 场"), since: try Self.figure("3 次")) == nil)
    }

    @Test func theReportPageShowsTheChange() throws {
        let (_, output) = try SampleBuildTests.buildSample()
        let page = try #require(output.text("demo-sfj/2023/index.html"))
        #expect(page.contains("<th scope=\"col\">较 2022 年度</th>"), "\(page)")
        #expect(page.contains("<td>≈ ↑ 300 件（1500 余件）</td>"))
        #expect(page.contains("<td>持平（15 次）</td>"))
        // The first report of a department has nothing to compare with.
        #expect(!(try #require(output.text("demo-sfj/2021/index.html"))).contains("较 "))
    }
}
