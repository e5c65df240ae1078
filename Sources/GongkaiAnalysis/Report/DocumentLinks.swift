import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Turns `doc:` links into references to the documents register, each with an anchor the register links back to,
/// and reports declared documents the text never names. A key the report does not declare is looked up in the
/// portal's catalogue (documents.yaml).
struct DocumentLinks {
    let documents: [DeclaredDocument]
    let catalogue: DocumentCatalogue
    /// Every key under `documents:`, including those whose declaration has mistakes.
    let declaredDocumentKeys: Set<String>
    private(set) var mentions: [DocumentMention] = []
    /// The catalogue's documents the report names, in the order it first names them.
    private(set) var catalogueDocuments: [DeclaredDocument] = []
    private var mentionCounts: [String: Int] = [:]

    init(documents: [DeclaredDocument], catalogue: DocumentCatalogue, declaredDocumentKeys: Set<String>) {
        self.documents = documents
        self.catalogue = catalogue
        self.declaredDocumentKeys = declaredDocumentKeys
    }

    /// Called once the link's children are analysed.
    mutating func visit(_ node: inout MarkdownNode, key: String, in context: inout BodyContext) {
        let own = documents.contains { $0.key == key }
        // A key the report declares, even brokenly, is its own: the catalogue's is used only for keys it does not.
        let listed = own || declaredDocumentKeys.contains(key) ? nil : catalogue[key]
        guard own || listed != nil else {
            node.kind = .group
            // A declaration that is there but broken has its own diagnostic; the link just stays plain text.
            guard !declaredDocumentKeys.contains(key), !catalogue.keys.contains(key) else { return }
            context.diagnostics.append(.error("doc.unknown-key", at: context.location(of: node),
                                              "the document `\(key)` is declared neither in the front matter nor in documents.yaml"
                                                | "前置信息和 documents.yaml 中都没有声明文件 `\(key)`",
                                              hint: "declare it under `documents:` with its title and date, or in documents.yaml if many reports name it"
                                                | "在 `documents:` 下声明它的标题和日期；多份报告都提到的文件可声明在 documents.yaml 中",
                                              correction: Suggestion.correction(for: key, in: documents.map(\.key) + catalogue.documents.map(\.key))))
            return
        }
        if let listed, mentionCounts[key] == nil { catalogueDocuments.append(listed) }
        let count = (mentionCounts[key] ?? 0) + 1
        mentionCounts[key] = count
        let anchor = SiteLayout.mentionAnchor(key, count)
        mentions.append(DocumentMention(key: key, anchor: anchor, section: context.currentSection))
        node.kind = .reference(.document, target: .document(key: key), anchor: anchor)
    }

    /// Once the whole body is walked.
    func finish(in context: inout BodyContext) {
        for document in documents where mentionCounts[document.key] == nil {
            context.diagnostics.append(.warning("doc.unused", at: context.file.start,
                                                        "the document `\(document.key)` (《\(document.title)》) is declared but never linked"
                                                          | "文件 `\(document.key)`（《\(document.title)》）已声明但正文中没有链接",
                                                        hint: "link it where the report names it: [《\(document.title)》](doc:\(document.key))"
                                                          | "在正文提到它的地方加链接：[《\(document.title)》](doc:\(document.key))"))
        }
    }
}
