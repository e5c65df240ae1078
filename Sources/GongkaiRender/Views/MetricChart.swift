import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A metric's figures over the years as inline SVG, drawn at build time (no script, no library): one series per
/// department, each with its own marker shape as well as colour, years along the bottom, values up the side; a
/// figure that is not exact is marked ≥ (more than), ≈ (about, nearly) or ≤ (less than) beside its point. The
/// table after it is its accessible twin (`aria-describedby`). Scales to the page's width (viewBox).
enum MetricChart {
    /// Small enough that its 14-unit text stays readable on a 375 px phone, where it is drawn about 330 px wide.
    static let width = 400.0, height = 260.0
    static let left = 48.0, right = 36.0, top = 16.0, bottom = 36.0
    static let colours = ["#0b57a4", "#b3261e", "#1a7f37", "#9a6700", "#6f42c1", "#0a7b83"]

    /// The point's y for each value, and the axis ticks, from zero to a round maximum in at most five steps of 1, 2 or
    /// 5 times a power of ten, so every tick reads exactly with one decimal at most (no 1.25 shown as 1.3).
    static func scale(_ maximum: Double) -> (top: Double, ticks: [Double]) {
        guard maximum > 0 else { return (1, [0, 1]) }
        let magnitude = pow(10, floor(log10(maximum)))
        let step = [0.1, 0.2, 0.5, 1, 2, 5, 10].map { $0 * magnitude }.first { maximum / $0 <= 5 } ?? magnitude * 10
        let top = ceil(maximum / step) * step
        return (top, stride(from: 0, through: top + step / 2, by: step).map { $0 })
    }

    static func svg(title: String, unit: String, years: [Int], series: [MetricIndex.Series], tableID: String) -> String {
        guard let firstYear = years.first, let lastYear = years.last else { return "" }
        let maximum = series.flatMap(\.points).map(\.figure.value).max() ?? 0
        let (topValue, ticks) = scale(maximum)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? left + plotWidth / 2 : left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / topValue) }
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : f(value) }
        var svg = "<svg class=\"metric-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(tableID)-title\" aria-describedby=\"\(tableID)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(tableID)-title\">\(HTMLEscaping.escape(title))（单位：\(HTMLEscaping.escape(unit))）</title>"
        for tick in ticks {
            svg += "<line x1=\"\(left)\" y1=\(q(y(tick))) x2=\"\(width - right)\" y2=\(q(y(tick))) stroke=\"#d8dee4\"/>"
            svg += "<text x=\"\(left - 6)\" y=\(q(y(tick) + 4)) text-anchor=\"end\" font-size=\"14\">\(number(tick))</text>"
        }
        for year in years {
            svg += "<text x=\(q(x(year))) y=\"\(height - bottom + 20)\" text-anchor=\"middle\" font-size=\"14\">\(year)年</text>"
        }
        for (index, line) in series.enumerated() {
            let colour = colours[index % colours.count]
            let points = line.points.map { "\(f(x($0.year))),\(f(y($0.figure.value)))" }.joined(separator: " ")
            svg += "<g class=\"series\" data-org=\"\(HTMLEscaping.escape(line.org.slug))\">"
            if line.points.count > 1 { svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>" }
            for point in line.points {
                let (px, py) = (x(point.year), y(point.figure.value))
                svg += marker(index, px, py, colour, value: point.figure.valueText)
                if let mark = mark(point.figure.qualifier) {
                    svg += "<text x=\(q(px + 8)) y=\(q(py - 6)) font-size=\"14\" fill=\"\(colour)\">\(mark)</text>"
                }
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// ≥ for more than, ≈ for about and nearly, ≤ for less than.
    static func mark(_ qualifier: Figure.Qualifier?) -> String? {
        switch qualifier {
        case .moreThan: return "≥"
        case .about, .nearly: return "≈"
        case .lessThan: return "≤"
        case nil: return nil
        }
    }

    /// Circle, square, triangle, diamond, then again: series differ by shape, not only by colour.
    private static func marker(_ index: Int, _ x: Double, _ y: Double, _ colour: String, value: String) -> String {
        let data = " data-value=\"\(value)\" fill=\"\(colour)\""
        switch index % 4 {
        case 0: return "<circle cx=\(q(x)) cy=\(q(y)) r=\"4.5\"\(data)/>"
        case 1: return "<rect x=\(q(x - 4)) y=\(q(y - 4)) width=\"8\" height=\"8\"\(data)/>"
        case 2: return "<path d=\"M\(f(x)) \(f(y - 5))L\(f(x + 5)) \(f(y + 4))L\(f(x - 5)) \(f(y + 4))Z\"\(data)/>"
        default: return "<path d=\"M\(f(x)) \(f(y - 5))L\(f(x + 5)) \(f(y))L\(f(x)) \(f(y + 5))L\(f(x - 5)) \(f(y))Z\"\(data)/>"
        }
    }

    /// One decimal, without Foundation's `String(format:)`, which took most of a chart's time on a 100-department
    /// portal.
    private static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }
    private static func q(_ value: Double) -> String { "\"" + f(value) + "\"" }
}
