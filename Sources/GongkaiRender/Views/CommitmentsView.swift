import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// `/commitments/`: every report's commitments with what became of them, and the report page's own.
package struct CommitmentsView: PageViewType {
    package let site: Site
    package let commitments: Commitments

    static let item: [String: ViewShape] = [
        "number": .value, "title": .value, "text": .value, "href": .value, "state": .value, "label": .value,
        "deliveries": .list(["href": .value, "report": .value, "section": .value]), "hasDeliveries": .flag,
    ]

    package static let shape = ViewShape.object([
        "reports": .list([
            "org": .value, "orgHref": .value, "year": .value, "title": .value, "href": .value, "summary": .value, "items": .list(item),
        ]),
        "hasCommitments": .flag, "dataHref": .value,
    ])

    /// One commitment as both pages show it.
    static func values(_ item: Commitments.Item, root: String) -> [String: Any] {
        [
            "number": item.item.number,
            "title": item.item.title,
            "text": item.item.text,
            "href": root + item.report.sitePath + "#" + item.item.id,
            "state": item.state.rawValue,
            "label": item.state.label,
            "deliveries": item.deliveries.map { delivery -> [String: String] in
                [
                    "href": root + delivery.report.sitePath + "#" + delivery.reference.anchor,
                    "report": "\(delivery.report.year) 年报告",
                    "section": delivery.reference.section.isEmpty ? "引言" : delivery.reference.section,
                ]
            },
            "hasDeliveries": !item.deliveries.isEmpty,
        ]
    }

    private var ordered: [(report: Report, items: [Commitments.Item])] {
        let rank = Dictionary(uniqueKeysWithValues: site.orgs.enumerated().map { ($0.element.slug, $0.offset) })
        return commitments.byReport.enumerated().sorted {
            (rank[$0.element.report.org] ?? .max, $0.offset) < (rank[$1.element.report.org] ?? .max, $1.offset)
        }.map(\.element)
    }

    package func values(root: String) -> [String: Any] {
        [
            // Departments in the portal's order (pinyin, `order:`), each report's years oldest first.
            "reports": ordered.map { report, items -> [String: Any] in
                [
                    "org": site.org(report.org)?.name ?? report.org,
                    "orgHref": root + SiteLayout.org(report.org),
                    "year": String(report.year),
                    "title": report.title,
                    "href": root + report.sitePath,
                    "summary": Commitments.summary(items, year: report.year),
                    "items": items.map { Self.values($0, root: root) },
                ]
            },
            "hasCommitments": !commitments.byReport.isEmpty,
            "dataHref": root + SiteLayout.commitmentsCSV,
        ]
    }
}
