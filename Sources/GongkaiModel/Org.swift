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

    package init(slug: String, name: String, shortName: String, parent: String?, code: String?) {
        self.slug = slug
        self.name = name
        self.shortName = shortName
        self.parent = parent
        self.code = code
    }
}
