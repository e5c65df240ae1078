import GongkaiBase

/// A figure as printed in a report — `3 次`, `60 余次`, `1500 余份`, `100%` — read into its value,
/// qualifier and unit. The text stays as the editor wrote it; the parts are the data.
public struct Figure: Sendable, Hashable {
    /// 余 and 多 after the number mean "more than"; 约 and 近 before it, "about" and "nearly".
    public enum Qualifier: String, Sendable, Hashable {
        case moreThan = "more-than"
        case about
        case nearly

        /// The words for a reader of the data ("60 余次" is "more than 60").
        public var label: String {
            switch self {
            case .moreThan: return "余"
            case .about: return "约"
            case .nearly: return "近"
            }
        }
    }

    /// The metric key of the `metric:` link.
    public let metric: String
    /// The text as written (`60 余次`).
    public let text: String
    public let value: Double
    /// The value as written in the text, without grouping commas (`60`, `3.5`): what `<data value>` holds.
    public let valueText: String
    public let qualifier: Qualifier?
    /// The unit or measure word (`次`, `余` removed; `%` for a percentage).
    public let unit: String

    public init(metric: String, text: String, value: Double, valueText: String, qualifier: Qualifier?, unit: String) {
        self.metric = metric
        self.text = text
        self.value = value
        self.valueText = valueText
        self.qualifier = qualifier
        self.unit = unit
    }
}

/// Reads the text of a `metric:` link.
public enum FigureParser {
    public enum Failure: Error, Equatable {
        case noNumber
        case noUnit
    }

    /// Works on Unicode scalars: every marker it looks for is one scalar, and Characters cost more than the parse.
    public static func parse(_ text: String, metric: String) -> Result<Figure, Failure> {
        var rest = Substring(text).unicodeScalars
        trim(&rest) { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\n" }
        var qualifier: Figure.Qualifier?
        if let first = rest.first, let found = prefixQualifier(first) {
            qualifier = found
            rest = rest.dropFirst().drop { $0 == " " }
        }
        var digits = ""
        var sawPoint = false
        while let scalar = rest.first {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if scalar == ",", !digits.isEmpty, !sawPoint {
                // grouping comma: 1,500
            } else if scalar == ".", !digits.isEmpty, !sawPoint, let next = rest.dropFirst().first, ("0"..."9").contains(next) {
                sawPoint = true
                digits.unicodeScalars.append(scalar)
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        guard let value = Double(digits) else { return .failure(.noNumber) }
        rest = rest.drop { $0 == " " || $0 == "\u{3000}" }
        if let first = rest.first, let found = suffixQualifier(first) {
            qualifier = qualifier ?? found
            rest = rest.dropFirst().drop { $0 == " " }
        }
        trim(&rest) { $0 == " " }
        let unit = String(rest)
        guard !unit.isEmpty else { return .failure(.noUnit) }
        return .success(Figure(metric: metric, text: text, value: value, valueText: digits, qualifier: qualifier, unit: unit == "％" ? "%" : unit))
    }

    /// 约 and 近 before the number.
    private static func prefixQualifier(_ scalar: Unicode.Scalar) -> Figure.Qualifier? {
        switch scalar {
        case "约": return .about
        case "近": return .nearly
        default: return nil
        }
    }

    /// 余 and 多 after it.
    private static func suffixQualifier(_ scalar: Unicode.Scalar) -> Figure.Qualifier? {
        scalar == "余" || scalar == "多" ? .moreThan : nil
    }

    private static func trim(_ scalars: inout Substring.UnicodeScalarView, where isSpace: (Unicode.Scalar) -> Bool) {
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
    }
}
