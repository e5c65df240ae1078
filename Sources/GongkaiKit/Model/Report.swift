/// One department's annual report: its front matter and its body, analysed.
public struct Report: Sendable {
    public enum Status: String, Sendable { case published, draft }

    public let org: String
    public let year: Int
    public let title: String
    public let status: Status
    /// 索引号
    public let indexNumber: String?
    /// 发文字号
    public let documentNumber: String?
    /// 成文日期
    public let written: SimpleDate?
    /// 公开日期
    public let published: SimpleDate
    public let documents: [DeclaredDocument]
    /// The source file, as shown in diagnostics.
    public let sourcePath: String

    /// The body's HTML for its pages, with numbered headings, figures and references in place; empty when only
    /// checked.
    internal(set) var body: BodyHTML
    public let headings: [HeadingEntry]
    public let figures: [Figure]
    public let mentions: [DocumentMention]
    public let planItems: [PlanItem]
    let planReferences: [PlanReference]

    /// The site path of the report page: `hs-gdb/2023/`.
    public var sitePath: String { SiteLayout.report(org: org, year: year) }
}

/// A regulation or other document declared in a report's front matter under `documents:`.
public struct DeclaredDocument: Sendable, Hashable {
    public let key: String
    public let title: String
    /// The date it was issued or took effect, where the report gives one.
    public let issued: SimpleDate?
    /// 规范性文件, 清单, 工作方案 …
    public let kind: String?
    /// Who issued it, where that is not the reporting department.
    public let issuer: String?

    static let fields = ["title", "issued", "kind", "issuer"]
}

public struct HeadingEntry: Sendable {
    public let level: Int
    /// 一、 （一） 1. （1）; empty for levels that are not numbered.
    public let number: String
    public let title: String
    public let id: String
}

/// A place where a report names a declared document.
public struct DocumentMention: Sendable, Hashable {
    public let key: String
    /// The anchor of the mention on the report page.
    public let anchor: String
    /// The heading the mention stands under, as "（三）依法服务社会经济大局".
    public let section: String
}

/// A commitment made under the plans part of a report, which later reports cite with `plan:`.
public struct PlanItem: Sendable {
    public let id: String
    public let number: String
    public let title: String
}

/// A `plan:` link, resolved once every report is loaded.
struct PlanReference: Sendable {
    let org: String
    let year: Int
    let id: String
    let location: SourceLocation
}
