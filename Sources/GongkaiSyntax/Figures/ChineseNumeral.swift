import GongkaiBase

/// Chinese numerals for section numbers: 一, 十, 十一, 二十三.
package enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    package static func string(_ number: Int) -> String {
        switch number {
        case 0..<10: return digits[number]
        case 10..<20: return "十" + (number == 10 ? "" : digits[number - 10])
        case 20..<100: return digits[number / 10] + "十" + (number % 10 == 0 ? "" : digits[number % 10])
        default: return String(number)
        }
    }
}
