import GongkaiBase
import GongkaiSyntax

/// A department (`Content/orgs/<slug>/org.yaml`).
public struct Org: Sendable {
    /// The folder name, used in URLs: `hs-gdb`.
    public let slug: String
    /// 黄石市国防动员办公室
    public let name: String
    /// 黄石市国动办
    public let shortName: String
    /// The body it reports to (本级党委和政府).
    public let parent: String?
    /// 统一社会信用代码 or another official code.
    public let code: String?
    /// Where the department stands in the portal's lists (`order:` in org.yaml); nil for the pinyin order of names.
    public let order: Int?

    package init(slug: String, name: String, shortName: String, parent: String?, code: String?, order: Int? = nil) {
        self.slug = slug
        self.name = name
        self.shortName = shortName
        self.parent = parent
        self.code = code
        self.order = order
    }

    /// The portal's order of departments: those given an `order:` first, by it; then the others by the pinyin of
    /// their names (ICU's collation, through Foundation), never by folder name; the folder breaks a tie.
    package static func precedes(_ lhs: Org, _ rhs: Org) -> Bool {
        if lhs.order != rhs.order { return (lhs.order ?? Int.max) < (rhs.order ?? Int.max) }
        switch ChineseCollation.compare(lhs.name, rhs.name) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return lhs.slug < rhs.slug
        }
    }
}
