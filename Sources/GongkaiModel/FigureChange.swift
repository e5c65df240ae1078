import GongkaiSyntax

/// How a figure moved since the department's previous report gave the same metric: `↑ 12 次`, `↓ 3 件`, `持平`; `≈`
/// before it where either figure is not exact (60 余次 to 70 余次 is about 10 more, not exactly), percentages in
/// 个百分点. Worked out in decimal digits, so 98.5% to 99.2% is 0.7, never 0.70000001. Nil when the units differ
/// (or the digits are too long for an `Int`, which no real figure is).
public enum FigureChange {
    public static func describe(_ figure: Figure, since previous: Figure) -> String? {
        guard figure.unit == previous.unit, let now = Fixed(figure.valueText), let then = Fixed(previous.valueText),
              let difference = now.minus(then) else { return nil }
        let approximate = figure.qualifier != nil || previous.qualifier != nil ? "≈ " : ""
        guard difference.units != 0 else { return approximate + "持平" }
        let unit = figure.unit == "%" ? " 个百分点" : " " + figure.unit
        return approximate + (difference.units > 0 ? "↑ " : "↓ ") + difference.magnitudeText + unit
    }

    /// A figure's value in decimal digits (`valueText`: `35000`, `98.5`) as a whole number of 10⁻ˢ. Not Foundation's
    /// `Decimal(string:locale:)`, which made a locale per call and took 4 % of a 500-report build's CPU.
    struct Fixed: Equatable {
        var units: Int
        var scale: Int

        init?(_ text: String) {
            var units = 0, scale = 0, point = false, digits = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let (times, overflow) = units.multipliedReportingOverflow(by: 10)
                    guard !overflow else { return nil }
                    units = times + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                    if point { scale += 1 }
                case UInt8(ascii: ".") where !point: point = true
                default: return nil
                }
            }
            guard digits > 0 else { return nil }
            self.units = units
            self.scale = scale
        }

        init(units: Int, scale: Int) {
            self.units = units
            self.scale = scale
        }

        /// Nil where the digits do not fit in an `Int` at a common scale (no real figure is that long).
        func minus(_ other: Fixed) -> Fixed? {
            let scale = max(self.scale, other.scale)
            guard let left = self.scaled(to: scale), let right = other.scaled(to: scale) else { return nil }
            let (difference, overflow) = left.subtractingReportingOverflow(right)
            return overflow ? nil : Fixed(units: difference, scale: scale)
        }

        private func scaled(to target: Int) -> Int? {
            var value = units
            for _ in scale..<target {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = times
            }
            return value
        }

        /// The absolute value in digits without trailing zeros after the point: 0.7, 10, 1000.
        var magnitudeText: String {
            let magnitude = units.magnitude
            var power: UInt = 1
            for _ in 0..<scale { power *= 10 }
            let whole = String(magnitude / power), rest = magnitude % power
            guard rest != 0 else { return whole }
            var fraction = String(rest)
            fraction = String(repeating: "0", count: scale - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            return whole + "." + fraction
        }
    }
}
