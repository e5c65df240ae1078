/// The portal-wide documents (`Content/documents.yaml`): laws and the city's plans that many departments name, which
/// a report links with `doc:KEY` without declaring them. A report may still declare a key of its own.
public struct DocumentCatalogue: Sendable {
    /// In the file's order.
    public let documents: [DeclaredDocument]
    /// Every key of the file, including those whose declaration has mistakes (their links stay plain text).
    package let keys: Set<String>
    private let byKey: [String: DeclaredDocument]

    package init(documents: [DeclaredDocument], keys: Set<String>) {
        self.documents = documents
        self.keys = keys
        byKey = Dictionary(documents.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package static let empty = DocumentCatalogue(documents: [], keys: [])

    package subscript(key: String) -> DeclaredDocument? { byKey[key] }
}
