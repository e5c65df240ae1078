import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Analyses a report body in one walk over its tree, running each pass where its nodes are: heading numbering and
/// anchors, figures, document and plan links, Markdown checks; then the checks of the whole body (structure, unused
/// documents). The tree is changed in place — headings numbered, links turned into Gongkai's nodes — and what the
/// passes collect becomes the report's model.
package struct ReportAnalyzer {
    private var context: BodyContext
    private var headingPass = HeadingNumbering()
    private var figurePass = FigureLinks()
    private var documentPass: DocumentLinks
    private var planPass = PlanLinks()
    private var pagePass = PageLinks()
    private var markdownPass = MarkdownChecks()

    package var diagnostics: [Diagnostic] { context.diagnostics }
    package private(set) var headings: [HeadingEntry] = []
    /// The text before the first heading (`Report.leadText`).
    package private(set) var leadText = ""
    package var planItems: [PlanItem] { headingPass.planItems }
    package var figures: [Figure] { figurePass.figures }
    package var mentions: [DocumentMention] { documentPass.mentions }
    package var catalogueDocuments: [DeclaredDocument] { documentPass.catalogueDocuments }
    package var planReferences: [PlanReference] { planPass.references }
    package var pageReferences: [PageReference] { pagePass.references }

    package init(file: SourceFile, bodyFirstLine: Int, schema: Schema, documents: [DeclaredDocument], catalogue: DocumentCatalogue = .empty,
                 declaredDocumentKeys: Set<String>, org: String, year: Int, allowsRawHTML: Bool) {
        context = BodyContext(file: file, bodyFirstLine: bodyFirstLine, schema: schema, org: org, year: year, allowsRawHTML: allowsRawHTML)
        // Declared titles, the report's own first, then the catalogue's: a title named without its link is noted.
        context.documentKeysByTitle = Dictionary((documents + catalogue.documents).map { (UnlinkedMarkup.bareTitle($0.title), $0.key) },
                                                 uniquingKeysWith: { first, _ in first })
        documentPass = DocumentLinks(documents: documents, catalogue: catalogue, declaredDocumentKeys: declaredDocumentKeys)
    }

    /// Works on the tree in place: with a second reference to it, every array in it would be copied.
    package mutating func analyze(_ body: inout MarkdownNode) {
        walk(&body)
        let texts = SectionText.collect(body)
        headings = headingPass.headings.map { heading in
            var heading = heading
            heading.text = texts.byHeading[heading.id] ?? ""
            return heading
        }
        leadText = texts.lead
        StructureCheck.check(headingPass.headings, in: &context)
        UnlinkedMarkup.finish(in: &context)
        documentPass.finish(in: &context)
    }

    /// A node's children are walked before the pass that owns the node sees it (a heading's `{#id}` and a link's
    /// figure are read from analysed children); the Markdown checks see every node on the way down.
    private mutating func walk(_ node: inout MarkdownNode) {
        markdownPass.visit(node, in: &context)
        switch node.kind {
        case .heading(let level):
            walkChildren(&node)
            headingPass.visit(&node, level: level, in: &context)
        case .paragraph:
            walkChildren(&node)
            headingPass.visitParagraph(node)
        case .link(let url, _) where url.hasPrefix("metric:"):
            let text = node.plainText
            walkChildren(&node)
            figurePass.visit(&node, key: String(url.dropFirst("metric:".count)), text: text, in: &context)
        case .link(let url, _) where url.hasPrefix("doc:"):
            walkChildren(&node)
            documentPass.visit(&node, key: String(url.dropFirst("doc:".count)), in: &context)
        case .link(let url, _) where url.hasPrefix("plan:"):
            walkChildren(&node)
            planPass.visit(&node, target: String(url.dropFirst("plan:".count)), in: &context)
        case .link(let url, _) where url.hasPrefix("report:"):
            walkChildren(&node)
            pagePass.visitReport(&node, target: String(url.dropFirst("report:".count)), in: &context)
        case .link(let url, _):
            walkChildren(&node)
            pagePass.visitLink(&node, url: url, in: &context)
        default:
            walkChildren(&node)
        }
    }

    /// Changes the tree in place: no node's children array is copied.
    private mutating func walkChildren(_ node: inout MarkdownNode) {
        let isLink: Bool
        if case .link = node.kind { isLink = true } else { isLink = false }
        if isLink { context.linkDepth += 1 }
        for index in node.children.indices { walk(&node.children[index]) }
        if isLink { context.linkDepth -= 1 }
    }
}
