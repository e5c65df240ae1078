import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The documents register: every document any report names, newest first, with where each report names it.
package struct DocumentsView: PageViewType {
    package let site: Site

    package static let shape = ViewShape.object([
        "documents": .list([
            "anchor": .value, "title": .value, "kind": .value, "issuer": .value, "number": .value, "date": .value, "dateISO": .value,
            "effective": .value, "effectiveISO": .value, "fields": .fields(.document),
            "mentions": .list(["href": .value, "report": .value, "section": .value, "count": .value, "more": .flag]),
        ]),
        "dataHref": .value,
    ])

    package func values(root: String) -> [String: Any] {
        // One line per report that names a document, linking to the first place it does (by part and section), with
        // how many there are: listing every place made the 500-report register 5.4 MB instead of 0.3 MB, a page
        // that grows with the text, not with the documents.
        [
            "documents": site.links.documentRegister.map { document, citedBy in
                present([
                    "anchor": SiteLayout.documentAnchor(document.key),
                    "title": document.title,
                    "kind": document.kind,
                    "issuer": document.issuer,
                    "number": document.number,
                    "date": document.issued?.chinese,
                    "dateISO": document.issued?.description,
                    "effective": document.effective?.chinese,
                    "effectiveISO": document.effective?.description,
                    "fields": document.fields.view,
                    "mentions": citedBy.compactMap { report -> [String: Any]? in
                        let mentions = report.mentions.filter { $0.key == document.key }
                        guard let first = mentions.first else { return nil }
                        return [
                            "href": root + report.sitePath + "#" + first.anchor,
                            "report": report.title,
                            "section": first.section.isEmpty ? "引言" : first.section,
                            "count": String(mentions.count),
                            "more": mentions.count > 1,
                        ]
                    },
                ])
            },
            "dataHref": root + SiteLayout.documentsCSV,
        ]
    }
}
