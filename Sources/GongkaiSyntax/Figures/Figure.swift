import GongkaiBase

/// A figure as printed in a report — `3 次`, `60 余次`, `1500 余份`, `100%` — read into its value,
/// qualifier and unit. The text stays as the editor wrote it; the parts are the data.
///
/// Immutable, and a class so that a copy is one reference: the metric index, the charts, the views and the data files
/// each hold every figure of every report (a struct of six strings copied field by field was a tenth of the
/// cross-report pages' time). Equal and hashed by its fields, as a value.
public final class Figure: Sendable, Hashable {
    /// What the words around the number say of it: 余, 多, 超过, 逾, 以上 "more than"; 约, 左右 "about"; 近 "nearly";
    /// 不足 "less than".
    public enum Qualifier: String, Sendable, Hashable {
        case moreThan = "more-than"
        case about
        case nearly
        case lessThan = "less-than"

        /// The words for a reader of the data ("60 余次" is "more than 60").
        public var label: String {
            switch self {
            case .moreThan: return "余"
            case .about: return "约"
            case .nearly: return "近"
            case .lessThan: return "不足"
            }
        }
    }

    /// The metric key of the `metric:` link.
    public let metric: String
    /// The text as written (`60 余次`).
    public let text: String
    /// The value: `3.5万` is 35 000, `三次` is 3.
    public let value: Double
    /// The value in decimal digits, exactly (`60`, `98.5`, `35000` for `3.5万`): what `<data value>` holds.
    public let valueText: String
    public let qualifier: Qualifier?
    /// The unit or measure word (`次`, with the qualifier and the multiplier taken out; `%` for a percentage).
    public let unit: String
    /// Its anchor on the report page, for the data files to link to; empty until the report places it (and for a
    /// metric's repeated mentions, which point at the first).
    public let anchor: String
    /// The heading it stands under, as "一、（二）延伸公共法律服务".
    public let section: String

    public init(metric: String, text: String, value: Double, valueText: String, qualifier: Qualifier?, unit: String,
                anchor: String = "", section: String = "") {
        self.metric = metric
        self.text = text
        self.value = value
        self.valueText = valueText
        self.qualifier = qualifier
        self.unit = unit
        self.anchor = anchor
        self.section = section
    }

    public static func == (left: Figure, right: Figure) -> Bool {
        left === right || (left.metric == right.metric && left.text == right.text && left.value == right.value
            && left.valueText == right.valueText && left.qualifier == right.qualifier && left.unit == right.unit
            && left.anchor == right.anchor && left.section == right.section)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metric)
        hasher.combine(text)
        hasher.combine(value)
        hasher.combine(valueText)
        hasher.combine(qualifier)
        hasher.combine(unit)
        hasher.combine(anchor)
        hasher.combine(section)
    }

    /// The figure where the report gives it.
    public func placed(anchor: String, section: String) -> Figure {
        Figure(metric: metric, text: text, value: value, valueText: valueText, qualifier: qualifier, unit: unit, anchor: anchor, section: section)
    }
}
