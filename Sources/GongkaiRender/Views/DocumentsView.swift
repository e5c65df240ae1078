import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The documents register: every document any report names, newest first, with where each report names it.
package struct DocumentsView: PageViewType {
    package let site: Site

    package static let shape = ViewShape.object([
        "documents": .list([
            "anchor": .value, "title": .value, "kind": .value, "issuer": .value, "number": .value, "date": .value, "dateISO": .value,
            "effective": .value, "effectiveISO": .value,
            "mentions": .list(["href": .value, "report": .value, "section": .value]),
        ]),
    ])

    package func values(root: String) -> [String: Any] {
        // Every place a report names the document, by the part and section it stands in.
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
                    "mentions": citedBy.flatMap { report in
                        report.mentions.filter { $0.key == document.key }.map { mention -> [String: Any] in
                            [
                                "href": root + report.sitePath + "#" + mention.anchor,
                                "report": report.title,
                                "section": mention.section.isEmpty ? "引言" : mention.section,
                            ]
                        }
                    },
                ])
            },
        ]
    }
}
