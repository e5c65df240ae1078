import Foundation

/// Chinese text in the order readers expect of a list: by pinyin, as ICU collates it for `zh` (through
/// Foundation). A character with several readings takes its most common one (长 as zhǎng); where that is wrong, a
/// department's `order:` says where it goes. Each comparison costs ICU a collator: fine for a few hundred
/// departments; many titles are sorted by `sortKeys`, which asks ICU only to order their distinct characters.
package enum ChineseCollation {
    private static let locale = Locale(identifier: "zh@collation=pinyin")

    package static func compare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        lhs.compare(rhs, locale: locale)
    }

    /// A key for each text, in pinyin order when compared lexicographically: each character's rank among the texts'
    /// distinct characters as ICU orders them. Pinyin collation weighs a Chinese text character by character, so
    /// ranks compare as ICU would, at the cost of ordering the few thousand characters titles use, not the titles.
    package static func sortKeys(for texts: some Sequence<String>) -> [String: [Int]] {
        let unique = Set(texts)
        // ICU's order, code points breaking its ties: a strict order, so the ranks are the same on every build.
        let characters = Set(unique.flatMap { $0 }).map(String.init).sorted {
            let order = compare($0, $1)
            return order == .orderedAscending || (order == .orderedSame && $0 < $1)
        }
        let rank = Dictionary(uniqueKeysWithValues: characters.enumerated().map { (Character($0.element), $0.offset) })
        return Dictionary(uniqueKeysWithValues: unique.map { text in (text, text.map { rank[$0] ?? 0 }) })
    }
}
