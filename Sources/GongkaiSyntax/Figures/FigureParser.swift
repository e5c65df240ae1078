import GongkaiBase

/// Reads a figure as offices print it: `3 次`, `60 余次`, `100%`, `98.5％`, `12,500 份`, `３次` (full-width digits),
/// `三次`, `两项`, `一千二百余人`, `3.5万余家`, `1.2亿元`, `约 20 人`, `20 人左右`, `超过 90%`, `不足 5 天`.
///
/// The form: an optional qualifier word before the number (约, 大约, 近, 超过, 逾, 不足); the number in Arabic
/// digits (grouping commas, one decimal point) followed by an optional 万 or 亿, or in Chinese numerals; 余 or 多
/// (more than); the unit; an optional 左右 (about) or 以上 (more than) after it. The value is worked out in decimal
/// digits, so `3.5万` is exactly 35000 and `0.1亿` exactly 10000000, never a floating-point neighbour.
public enum FigureParser {
    public enum Failure: Error, Equatable {
        /// No number in the text.
        case noNumber
        /// A number with nothing after it.
        case noUnit
        /// Words before the number (`共 3 次`): the link's text is the figure alone.
        case leadingWords(String)
    }

    public static func parse(_ text: String, metric: String) -> Result<Figure, Failure> {
        var rest = Substring(text).unicodeScalars[...]
        trim(&rest)
        var qualifier = takeWord(from: &rest, among: prefixQualifiers)
        skipSpaces(&rest)
        guard let digits = arabicNumber(from: &rest) ?? chineseNumber(from: &rest) else {
            if let start = rest.firstIndex(where: { isArabicDigit($0) || chineseDigits[$0] != nil }) {
                let words = String(Substring(rest[..<start])).trimmingSpaces
                if !words.isEmpty { return .failure(.leadingWords(words)) }
            }
            return .failure(.noNumber)
        }
        skipSpaces(&rest)
        if let found = takeWord(from: &rest, among: [("余", .moreThan), ("多", .moreThan)]) {
            qualifier = qualifier ?? found
            skipSpaces(&rest)
        }
        var unit = String(Substring(rest))
        for (word, meaning) in [("左右", Figure.Qualifier.about), ("以上", .moreThan)] where unit.hasSuffix(word) && unit != word {
            unit = String(unit.dropLast(word.count)).trimmingSpaces
            qualifier = qualifier ?? meaning
        }
        guard !unit.isEmpty else { return .failure(.noUnit) }
        if unit == "％" { unit = "%" }
        guard let value = Double(digits) else { return .failure(.noNumber) }
        return .success(Figure(metric: metric, text: text, value: value, valueText: digits, qualifier: qualifier, unit: unit))
    }

    private static let prefixQualifiers: [(String, Figure.Qualifier)] = [
        ("大约", .about), ("超过", .moreThan), ("不足", .lessThan), ("约", .about), ("近", .nearly), ("逾", .moreThan),
    ]

    /// An Arabic number and the 万 or 亿 after it, as exact decimal digits; nil (nothing taken) when there is none.
    private static func arabicNumber(from rest: inout Substring.UnicodeScalarView.SubSequence) -> String? {
        var whole = "", fraction = "", inFraction = false
        guard let first = rest.first, isArabicDigit(first) else { return nil }
        var index = rest.startIndex
        while index < rest.endIndex {
            let scalar = rest[index]
            let next = rest.index(after: index) < rest.endIndex ? rest[rest.index(after: index)] : nil
            if let digit = arabicDigit(scalar) {
                if inFraction { fraction.unicodeScalars.append(digit) } else { whole.unicodeScalars.append(digit) }
            } else if scalar == ",", !whole.isEmpty, !inFraction, next.map(isArabicDigit) == true {
                // A grouping comma: 12,500.
            } else if scalar == "." || scalar == "．", !whole.isEmpty, !inFraction, next.map(isArabicDigit) == true {
                inFraction = true
            } else {
                break
            }
            index = rest.index(after: index)
        }
        guard !whole.isEmpty else { return nil }
        rest = rest[index...]
        var shift = 0
        var lookahead = rest
        skipSpaces(&lookahead)
        while let first = lookahead.first, let power = multipliers[first] {
            shift += power
            lookahead = lookahead.dropFirst()
        }
        if shift > 0 { rest = lookahead }
        return decimal(whole: whole, fraction: fraction, shift: shift)
    }

    /// Digits moved `shift` places left of the point, without leading or trailing zeros: `3`, `.5`, 4 → `35000`.
    private static func decimal(whole: String, fraction: String, shift: Int) -> String {
        let padded = fraction + String(repeating: "0", count: max(0, shift - fraction.count))
        var integer = whole + padded.prefix(shift)
        var rest = String(padded.dropFirst(shift))
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        while rest.last == "0" { rest.removeLast() }
        return rest.isEmpty ? integer : integer + "." + rest
    }

    private static let multipliers: [Unicode.Scalar: Int] = ["万": 4, "亿": 8]

    private static let chineseDigits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let chineseUnits: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]

    /// A number in Chinese numerals (一千二百, 十二, 两, 三万五千), as decimal digits; nil when there is none.
    private static func chineseNumber(from rest: inout Substring.UnicodeScalarView.SubSequence) -> String? {
        var total = 0, section = 0, digit = 0, taken = 0
        for scalar in rest {
            if let value = chineseDigits[scalar] {
                digit = value
            } else if let unit = chineseUnits[scalar] {
                // 十二 is 12, 百余人 is "more than 100": a unit alone counts one of it.
                section += (digit == 0 ? 1 : digit) * unit
                digit = 0
            } else if scalar == "万" || scalar == "亿", taken > 0 {
                // 三万五千: what stands before 万 counts ten thousands; 亿 multiplies everything before it.
                let amount = scalar == "万" ? section + digit : total + section + digit
                let (product, overflow) = max(amount, 1).multipliedReportingOverflow(by: scalar == "万" ? 10_000 : 100_000_000)
                guard !overflow else { return nil }
                total = scalar == "万" ? total + product : product
                section = 0
                digit = 0
            } else {
                break
            }
            taken += 1
        }
        guard taken > 0 else { return nil }
        rest = rest.dropFirst(taken)
        return String(total + section + digit)
    }

    private static func arabicDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30...0x39: return scalar
        case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 0x30)
        default: return nil
        }
    }

    private static func isArabicDigit(_ scalar: Unicode.Scalar) -> Bool { arabicDigit(scalar) != nil }

    /// Takes the first of the words the text starts with.
    private static func takeWord(from rest: inout Substring.UnicodeScalarView.SubSequence,
                                 among words: [(String, Figure.Qualifier)]) -> Figure.Qualifier? {
        // Most figures start with their number: a digit is no word's first character.
        guard let first = rest.first, first.value > 0x7F, !("０"..."９").contains(first) else { return nil }
        for (word, meaning) in words where rest.starts(with: word.unicodeScalars) {
            rest = rest.dropFirst(word.unicodeScalars.count)
            return meaning
        }
        return nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\t" || scalar == "\n"
    }

    private static func skipSpaces(_ rest: inout Substring.UnicodeScalarView.SubSequence) {
        while let first = rest.first, isSpace(first) { rest.removeFirst() }
    }

    private static func trim(_ rest: inout Substring.UnicodeScalarView.SubSequence) {
        skipSpaces(&rest)
        while let last = rest.last, isSpace(last) { rest.removeLast() }
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\u{3000}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\u{3000}" { scalars.removeLast() }
        return String(Substring(scalars))
    }
}
