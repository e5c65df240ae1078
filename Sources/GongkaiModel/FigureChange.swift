import Foundation
import GongkaiSyntax

/// How a figure moved since the department's previous report gave the same metric: `↑ 12 次`, `↓ 3 件`, `持平`; `≈`
/// before it where either figure is not exact (60 余次 to 70 余次 is about 10 more, not exactly), percentages in
/// 个百分点. Worked out in decimal digits, so 98.5% to 99.2% is 0.7, never 0.70000001. Nil when the units differ.
public enum FigureChange {
    public static func describe(_ figure: Figure, since previous: Figure) -> String? {
        guard figure.unit == previous.unit,
              let now = Decimal(string: figure.valueText, locale: Locale(identifier: "en_US_POSIX")),
              let then = Decimal(string: previous.valueText, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        let approximate = figure.qualifier != nil || previous.qualifier != nil ? "≈ " : ""
        let difference = now - then
        guard difference != 0 else { return approximate + "持平" }
        let magnitude = difference < 0 ? -difference : difference
        let unit = figure.unit == "%" ? " 个百分点" : " " + figure.unit
        return approximate + (difference > 0 ? "↑ " : "↓ ") + "\(magnitude)" + unit
    }
}
