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

    private static let prefixes: [(String, Figure.Qualifier)] = [("约", .about), ("近", .nearly)]
    private static let suffixes: [(String, Figure.Qualifier)] = [("余", .moreThan), ("多", .moreThan)]

    public static func parse(_ text: String, metric: String) -> Result<Figure, Failure> {
        var rest = Substring(text.trimmingCharacters(in: " \u{3000}\t\n"))
        var qualifier: Figure.Qualifier?
        if let (word, found) = prefixes.first(where: { rest.hasPrefix($0.0) }) {
            qualifier = found
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        var digits = ""
        var sawPoint = false
        while let character = rest.first {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == ",", !digits.isEmpty, !sawPoint {
                // grouping comma: 1,500
            } else if character == ".", !digits.isEmpty, !sawPoint, rest.dropFirst().first?.isNumber == true {
                sawPoint = true
                digits.append(character)
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        guard let value = Double(digits) else { return .failure(.noNumber) }
        rest = rest.drop { $0 == " " || $0 == "\u{3000}" }
        if let (word, found) = suffixes.first(where: { rest.hasPrefix($0.0) }) {
            qualifier = qualifier ?? found
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        let unit = String(rest).trimmingCharacters(in: " ")
        guard !unit.isEmpty else { return .failure(.noUnit) }
        return .success(Figure(metric: metric, text: text, value: value, valueText: digits, qualifier: qualifier, unit: unit == "％" ? "%" : unit))
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
