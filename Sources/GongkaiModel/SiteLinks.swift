/// What only shows across reports, worked out once by the link stage: the indexes the portal's pages are built from.
public struct SiteLinks: Sendable {
    /// Each document declared in any report, with the reports that name it, in register order (newest first, then
    /// by title).
    public let documentRegister: [(document: DeclaredDocument, citedBy: [Report])]

    package init(documentRegister: [(document: DeclaredDocument, citedBy: [Report])]) {
        self.documentRegister = documentRegister
    }
}
