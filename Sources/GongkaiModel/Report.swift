import GongkaiBase
import GongkaiSyntax

/// One department's annual report: its front matter and its body, analysed. Its fields live in one shared object,
/// so that the many copies a build makes (sorted, grouped by department, cited in the register) cost a retain each,
/// not one per field.
public struct Report: Sendable {
    public enum Status: String, Sendable { case published, draft }

    private final class Fields: Sendable {
        let org: String
        let year: Int
        let title: String
        let status: Status
        let indexNumber: String?
        let documentNumber: String?
        let written: SimpleDate?
        let published: SimpleDate
        let documents: [DeclaredDocument]
        let frontMatter: FieldList
        let sourcePath: String
        let headings: [HeadingEntry]
        let leadText: String
        let figures: [Figure]
        let mentions: [DocumentMention]
        let planItems: [PlanItem]
        let planReferences: [PlanReference]
        let pageReferences: [PageReference]
        let listingFingerprints: (summary: UInt64, figures: UInt64, documents: UInt64)
        let sitePath: String

        init(org: String, year: Int, title: String, status: Status, indexNumber: String?, documentNumber: String?, written: SimpleDate?,
             published: SimpleDate, documents: [DeclaredDocument], frontMatter: FieldList, sourcePath: String, headings: [HeadingEntry], leadText: String, figures: [Figure],
             mentions: [DocumentMention], planItems: [PlanItem], planReferences: [PlanReference], pageReferences: [PageReference],
             listingFingerprints: (summary: UInt64, figures: UInt64, documents: UInt64)) {
            self.org = org
            self.year = year
            self.title = title
            self.status = status
            self.indexNumber = indexNumber
            self.documentNumber = documentNumber
            self.written = written
            self.published = published
            self.documents = documents
            self.frontMatter = frontMatter
            self.sourcePath = sourcePath
            self.headings = headings
            self.leadText = leadText
            self.figures = figures
            self.mentions = mentions
            self.planItems = planItems
            self.planReferences = planReferences
            self.pageReferences = pageReferences
            self.listingFingerprints = listingFingerprints
            sitePath = SiteLayout.report(org: org, year: year)
        }
    }

    private let fields: Fields

    public var org: String { fields.org }
    public var year: Int { fields.year }
    public var title: String { fields.title }
    public var status: Status { fields.status }
    /// 索引号
    public var indexNumber: String? { fields.indexNumber }
    /// 发文字号
    public var documentNumber: String? { fields.documentNumber }
    /// 成文日期
    public var written: SimpleDate? { fields.written }
    /// 公开日期
    public var published: SimpleDate { fields.published }
    public var documents: [DeclaredDocument] { fields.documents }
    /// Every field of the front matter but `documents:`, as the schema typed it: templates read `report.fields.NAME`.
    public var frontMatter: FieldList { fields.frontMatter }
    /// The source file, as shown in diagnostics.
    public var sourcePath: String { fields.sourcePath }

    /// The body's HTML for its pages, with numbered headings, figures and references in place; empty when only
    /// checked, or while the build cache keeps it.
    package var body: BodyHTML
    public var headings: [HeadingEntry] { fields.headings }
    /// The plain text before the first heading (the report's opening paragraphs), as the page shows it.
    public var leadText: String { fields.leadText }
    public var figures: [Figure] { fields.figures }
    public var mentions: [DocumentMention] { fields.mentions }
    public var planItems: [PlanItem] { fields.planItems }
    /// The `plan:` links of the body: the commitments of earlier reports this one says it delivered.
    public var planReferences: [PlanReference] { fields.planReferences }
    package var pageReferences: [PageReference] { fields.pageReferences }

    package init(org: String, year: Int, title: String, status: Status, indexNumber: String?, documentNumber: String?, written: SimpleDate?, published: SimpleDate, documents: [DeclaredDocument], frontMatter: FieldList = .empty, sourcePath: String, body: BodyHTML, headings: [HeadingEntry], leadText: String = "", figures: [Figure], mentions: [DocumentMention], planItems: [PlanItem], planReferences: [PlanReference],
                 pageReferences: [PageReference] = [], listingFingerprints known: (summary: UInt64, figures: UInt64, documents: UInt64)? = nil) {
        self.body = body
        // Given by the build cache, which kept them with the rest.
        let listing = known ?? Self.listingFingerprints(title: title, year: year, status: status, indexNumber: indexNumber,
                                                        documentNumber: documentNumber, written: written, published: published,
                                                        frontMatter: frontMatter, figures: figures, documents: documents, mentions: mentions,
                                                        parts: headings.filter { $0.level == 2 })
        fields = Fields(org: org, year: year, title: title, status: status, indexNumber: indexNumber, documentNumber: documentNumber,
                        written: written, published: published, documents: documents, frontMatter: frontMatter, sourcePath: sourcePath, headings: headings, leadText: leadText,
                        figures: figures, mentions: mentions, planItems: planItems, planReferences: planReferences,
                        pageReferences: pageReferences, listingFingerprints: listing)
    }

    /// What the pages that list this report read of it (`SiteInput.reportSummary` and the like), worked out once
    /// when it is read: the preview's cache keeps it with the report, so a rebuild does not hash every report again.
    package var listingFingerprints: (summary: UInt64, figures: UInt64, documents: UInt64) { fields.listingFingerprints }

    /// The site path of the report page: `hs-gdb/2023/`.
    public var sitePath: String { fields.sitePath }
}

/// A regulation or other document declared in a report's front matter under `documents:`.
public struct DeclaredDocument: Sendable, Hashable {
    public let key: String
    public let title: String
    /// The date it was issued (公布, 印发), where the report gives one.
    public let issued: SimpleDate?
    /// The date it takes effect (施行).
    public let effective: SimpleDate?
    /// Its number: 文号 (`黄政规〔2023〕5号`) or 令号 (`市政府令第12号`).
    public let number: String?
    /// 规范性文件, 清单, 工作方案 …
    public let kind: String?
    /// Who issued it, where that is not the reporting department.
    public let issuer: String?
    /// Every field of the declaration but its title, as the schema typed it (`issued` as a date, and any field the
    /// portal declares): templates read `fields.NAME`.
    public let fields: FieldList
    /// Where the report declares it (its key in the front matter); not part of what the document is.
    public let declaredAt: SourceLocation?

    package init(key: String, title: String, issued: SimpleDate?, effective: SimpleDate?, number: String?, kind: String?, issuer: String?,
                 fields: FieldList = .empty, declaredAt: SourceLocation?) {
        self.key = key
        self.title = title
        self.issued = issued
        self.effective = effective
        self.number = number
        self.kind = kind
        self.issuer = issuer
        self.fields = fields
        self.declaredAt = declaredAt
    }

    /// The same document, wherever it is declared.
    public static func == (lhs: DeclaredDocument, rhs: DeclaredDocument) -> Bool {
        lhs.key == rhs.key && lhs.title == rhs.title && lhs.issued == rhs.issued && lhs.effective == rhs.effective
            && lhs.number == rhs.number && lhs.kind == rhs.kind && lhs.issuer == rhs.issuer && lhs.fields == rhs.fields
    }

    /// Of the key and title only: enough to spread documents, and equal documents have both equal.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(title)
    }
}

public struct HeadingEntry: Sendable {
    public let level: Int
    /// 一、 （一） 1. （1）; empty for levels that are not numbered.
    public let number: String
    public let title: String
    public let id: String
    /// The plain text between this heading and the next, as the page shows it (what site search finds): empty for a
    /// heading with only headings under it.
    public package(set) var text: String

    package init(level: Int, number: String, title: String, id: String, text: String = "") {
        self.level = level
        self.number = number
        self.title = title
        self.id = id
        self.text = text
    }
}

/// A place where a report names a declared document.
public struct DocumentMention: Sendable, Hashable {
    public let key: String
    /// The anchor of the mention on the report page.
    public let anchor: String
    /// The heading the mention stands under, as "（三）依法服务社会经济大局".
    public let section: String

    package init(key: String, anchor: String, section: String) {
        self.key = key
        self.anchor = anchor
        self.section = section
    }
}

/// A commitment made under the plans part of a report, which later reports cite with `plan:`.
public struct PlanItem: Sendable {
    public let id: String
    public let number: String
    public let title: String
    /// What the item promises: the plain text of the paragraphs under its heading, one line each.
    public package(set) var text: String

    package init(id: String, number: String, title: String, text: String = "") {
        self.id = id
        self.number = number
        self.title = title
        self.text = text
    }
}

/// A `plan:` link, resolved once every report is loaded: the measure that delivers an earlier commitment.
public struct PlanReference: Sendable {
    public let org: String
    public let year: Int
    public let id: String
    package let location: SourceLocation
    /// The link's anchor on the report page, which the commitments page links to.
    public let anchor: String
    /// The heading the link stands under, as "一、（二）延伸公共法律服务".
    public let section: String

    package init(org: String, year: Int, id: String, location: SourceLocation, anchor: String = "", section: String = "") {
        self.org = org
        self.year = year
        self.id = id
        self.location = location
        self.anchor = anchor
        self.section = section
    }
}

/// A `report:` link or a relative link to a page of the portal, checked once every report is read.
package struct PageReference: Sendable, Hashable {
    /// The site path it leads to: `hs-gdb/2022/`, `documents/`, `hs-gdb/2022/report.pdf`.
    package let path: String
    package let fragment: String?
    /// The link as written, for messages.
    package let written: String
    package let location: SourceLocation

    package init(path: String, fragment: String?, written: String, location: SourceLocation) {
        self.path = path
        self.fragment = fragment
        self.written = written
        self.location = location
    }
}
