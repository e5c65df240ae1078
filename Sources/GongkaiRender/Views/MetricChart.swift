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
        var maximum = 0.0
        for line in series {
            for point in line.points { maximum = max(maximum, point.figure.value) }
        }
        let (topValue, ticks) = scale(maximum)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? left + plotWidth / 2 : left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / topValue) }
        // Written as bytes: a 100-department chart has 500 points, and string interpolation made most of its time.
        var svg = SVGBytes()
        svg.reserve(1024 + series.count * 1024)
        svg += "<svg class=\"metric-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\""
        svg += tableID
        svg += "-title\" aria-describedby=\""
        svg += tableID
        svg += "\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\""
        svg += tableID
        svg += "-title\">"
        svg += HTMLEscaping.escape(title)
        svg += "（单位："
        svg += HTMLEscaping.escape(unit)
        svg += "）</title>"
        for tick in ticks {
            svg += "<line x1=\"\(left)\" y1="
            svg.quoted(y(tick))
            svg += " x2=\"\(width - right)\" y2="
            svg.quoted(y(tick))
            svg += " stroke=\"#d8dee4\"/><text x=\"\(left - 6)\" y="
            svg.quoted(y(tick) + 4)
            svg += " text-anchor=\"end\" font-size=\"14\">"
            if tick == tick.rounded() { svg += String(Int(tick)) } else { svg.decimal(tick) }
            svg += "</text>"
        }
        for year in years {
            svg += "<text x="
            svg.quoted(x(year))
            svg += " y=\"\(height - bottom + 20)\" text-anchor=\"middle\" font-size=\"14\">"
            svg += String(year)
            svg += "年</text>"
        }
        for (index, line) in series.enumerated() {
            let colour = colours[index % colours.count]
            svg += "<g class=\"series\" data-org=\""
            svg += HTMLEscaping.escape(line.org.slug)
            svg += "\">"
            if line.points.count > 1 {
                svg += "<polyline points=\""
                for (position, point) in line.points.enumerated() {
                    if position > 0 { svg += " " }
                    svg.decimal(x(point.year))
                    svg += ","
                    svg.decimal(y(point.figure.value))
                }
                svg += "\" fill=\"none\" stroke=\""
                svg += colour
                svg += "\" stroke-width=\"2\"/>"
            }
            for point in line.points {
                let (px, py) = (x(point.year), y(point.figure.value))
                marker(index, px, py, into: &svg)
                svg += " data-value=\""
                svg += point.figure.valueText
                svg += "\" fill=\""
                svg += colour
                svg += "\"/>"
                if let mark = mark(point.figure.qualifier) {
                    svg += "<text x="
                    svg.quoted(px + 8)
                    svg += " y="
                    svg.quoted(py - 6)
                    svg += " font-size=\"14\" fill=\""
                    svg += colour
                    svg += "\">"
                    svg += mark
                    svg += "</text>"
                }
            }
            svg += "</g>"
        }
        svg += "</svg>"
        return svg.string
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

    /// Circle, square, triangle, diamond, then again: series differ by shape, not only by colour. The element is
    /// left open for the point's data and fill.
    private static func marker(_ index: Int, _ x: Double, _ y: Double, into svg: inout SVGBytes) {
        switch index % 4 {
        case 0:
            svg += "<circle cx="
            svg.quoted(x)
            svg += " cy="
            svg.quoted(y)
            svg += " r=\"4.5\""
        case 1:
            svg += "<rect x="
            svg.quoted(x - 4)
            svg += " y="
            svg.quoted(y - 4)
            svg += " width=\"8\" height=\"8\""
        case 2:
            svg.path([(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)])
        default:
            svg.path([(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)])
        }
    }
}

/// The chart's bytes, with its numbers written in place to one decimal (Foundation's `String(format:)` took most of a
/// chart's time on a 100-department portal).
private struct SVGBytes {
    private var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    static func += (svg: inout SVGBytes, text: String) { svg.bytes.append(contentsOf: text.utf8) }

    mutating func decimal(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: String(abs(tenths) / 10).utf8)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(abs(tenths) % 10))
    }

    mutating func quoted(_ value: Double) {
        bytes.append(UInt8(ascii: "\""))
        decimal(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A closed path through the corners: `M x y L x y … Z`.
    mutating func path(_ corners: [(Double, Double)]) {
        self += "<path d=\""
        for (position, corner) in corners.enumerated() {
            self += position == 0 ? "M" : "L"
            decimal(corner.0)
            self += " "
            decimal(corner.1)
        }
        self += "Z\""
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
