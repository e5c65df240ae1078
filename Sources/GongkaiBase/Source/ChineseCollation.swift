import Foundation

/// Chinese text in the order readers expect of a list: by pinyin, as ICU collates it for `zh` (through
/// Foundation). A character with several readings takes its most common one (长 as zhǎng); where that is wrong, a
/// department's `order:` says where it goes. Each comparison costs ICU a collator: fine for a few hundred
/// departments, not for the thousands of documents of a register (sorted by date and title).
package enum ChineseCollation {
    private static let locale = Locale(identifier: "zh@collation=pinyin")

    package static func compare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        lhs.compare(rhs, locale: locale)
    }
}
