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

extension FigureChangeTests {
    /// The digits arithmetic gives what Foundation's `Decimal` gives, on random values of every shape the figure parser
    /// writes (whole, decimals, trailing zeros, zero).
    @Test func differencesMatchDecimalArithmetic() throws {
        var generator = SystemRandomNumberGenerator()
        func value() -> String {
            let whole = String(Int.random(in: 0...99_999, using: &generator))
            guard Bool.random(using: &generator) else { return whole }
            let places = Int.random(in: 1...3, using: &generator)
            return whole + "." + String((0..<places).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        let posix = Locale(identifier: "en_US_POSIX")
        for _ in 0..<2_000 {
            let (now, then) = (value(), value())
            let later = try #require(FigureChange.Fixed(now)), earlier = try #require(FigureChange.Fixed(then))
            let difference = try #require(later.minus(earlier))
            let nowDecimal = try #require(Decimal(string: now, locale: posix)), thenDecimal = try #require(Decimal(string: then, locale: posix))
            let expected = nowDecimal - thenDecimal
            let magnitude = expected < 0 ? -expected : expected
            #expect(difference.magnitudeText == "\(magnitude)", "\(now) - \(then)")
            #expect((difference.units > 0) == (expected > 0) && (difference.units == 0) == (expected == 0), "\(now) - \(then)")
        }
        #expect(FigureChange.Fixed("1.2.3") == nil && FigureChange.Fixed("") == nil && FigureChange.Fixed("12a") == nil)
    }
}
