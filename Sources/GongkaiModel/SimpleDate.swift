import GongkaiBase
import GongkaiSyntax

/// A calendar date as official documents write it; no time, no zone, so output never depends on where it is built.
/// A document may be dated by its year or month only (`issued: 2023`, `2023-07`, where the schema allows it): its
/// day, or month and day, are then 0, and it sorts before the dated days of its month or year.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1–12; 0 for a date given by its year only.
    public let month: Int
    /// 1–31; 0 for a date given by its year or month only.
    public let day: Int

    /// How much of a date is given.
    public enum Precision: String, Sendable, CaseIterable {
        case year, month, day
    }

    public var precision: Precision { month == 0 ? .year : day == 0 ? .month : .day }

    /// Reads `YYYY-MM-DD`, accepting only dates that exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...SimpleDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each only where `allowed` holds its precision.
    public init?(partial text: String, allowing allowed: Set<Precision> = Set(Precision.allCases)) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where allowed.contains(.year):
            guard parts[0].count == 4, let year = Int(parts[0]) else { return nil }
            self.init(year: year, month: 0, day: 0)
        case 2 where allowed.contains(.month):
            guard parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
            else { return nil }
            self.init(year: year, month: month, day: 0)
        case 3 where allowed.contains(.day):
            self.init(iso: text)
        default:
            return nil
        }
    }

    /// A date known to be valid (one read back from the build cache).
    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2023-07-12`, `2023-07`, `2023`
    public var description: String {
        switch precision {
        case .year: return "\(year)"
        case .month: return "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .day: return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
    }

    /// `2023年7月12日`, `2023年7月`, `2023年`: Arabic numerals, full year, no zero padding (GB/T 9704).
    public var chinese: String {
        switch precision {
        case .year: return "\(year)年"
        case .month: return "\(year)年\(month)月"
        case .day: return "\(year)年\(month)月\(day)日"
        }
    }
}
