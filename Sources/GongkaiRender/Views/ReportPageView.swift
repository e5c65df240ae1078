import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The report page: front-matter block, table of contents, body, the figures it holds and the documents it names.
package struct ReportPageView: PageViewType {
    package let report: Report
    package let org: Org
    package let schema: Schema
    /// Whether the report's PDF is published beside its page.
    package var hasPDF = false
    /// The department's previous report, for how each figure moved since.
    package var previous: Report?
    /// What became of the report's commitments (`Commitments`).
    package var commitments: [Commitments.Item] = []

    private static let heading: [String: ViewShape] = ["number": .value, "title": .value, "id": .value]

    package static let shape = ViewShape.object([
        "printHref": .value, "pdfHref": .value, "dataJSONHref": .value, "dataCSVHref": .value, "report": ReportSummary.shape,
        "toc": .list(heading.merging(["children": .list(heading), "hasChildren": .flag]) { _, new in new }),
        "body": .value,
        "figures": .list(["label": .value, "text": .value, "value": .value, "metric": .value, "change": .value, "previous": .value]),
        "hasFigures": .flag, "previousYear": .value,
        "documents": .list(["title": .value, "date": .value, "number": .value, "note": .value, "href": .value,
                                "fields": .fields(.document)]), "hasDocuments": .flag,
        "commitments": .list(CommitmentsView.item), "hasCommitments": .flag, "commitmentSummary": .value,
    ])

    package func values(root: String) -> [String: Any] {
        let previousFigures = Dictionary((previous?.figures ?? []).map { ($0.metric, $0) }, uniquingKeysWith: { first, _ in first })
        return present([
            "printHref": SiteLayout.printFolder,
            "dataJSONHref": "data.json",
            "dataCSVHref": "data.csv",
            "pdfHref": hasPDF ? SiteLayout.pdfFile : nil,
            "report": ReportSummary.values(report, org: org, root: root),
            "toc": tableOfContents(),
            "body": report.body.html(for: .web, root: root),
            // Rows of plain strings: swift-mustache looks their values up faster than in `[String: Any]`, and a
            // report can hold a hundred figures or more.
            "figures": report.figures.map { figure -> [String: String] in
                var row = [
                    "label": schema.metrics[figure.metric]?.label ?? figure.metric,
                    "text": figure.text,
                    "value": figure.valueText,
                    "metric": figure.metric,
                ]
                if let earlier = previousFigures[figure.metric], let change = FigureChange.describe(figure, since: earlier) {
                    row["change"] = change
                    row["previous"] = earlier.text
                }
                return row
            },
            "previousYear": previous.map { String($0.year) },
            "hasFigures": !report.figures.isEmpty,
            "documents": report.documents.map { document in
                // What the report gives of it, as a citation reads: （黄政规〔2023〕5号，2023年7月12日，2023年8月1日起施行）.
                let note = [document.number, document.issued?.chinese, document.effective.map { $0.chinese + "起施行" }]
                    .compactMap { $0 }.joined(separator: "，")
                return present([
                    "title": document.title,
                    "date": document.issued?.chinese,
                    "number": document.number,
                    "note": note.isEmpty ? nil : note,
                    "href": root + SiteLayout.path(of: .document(key: document.key)),
                    "fields": document.fields.view,
                ])
            },
            "hasDocuments": !report.documents.isEmpty,
            "commitments": commitments.map { CommitmentsView.values($0, root: root) },
            "hasCommitments": !commitments.isEmpty,
            "commitmentSummary": commitments.isEmpty ? nil : Commitments.summary(commitments, year: report.year),
        ])
    }

    /// Levels 2 and 3 nested, as the paper's 一、 and （一）.
    private func tableOfContents() -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for heading in report.headings where heading.level == 2 || heading.level == 3 {
            let entry: [String: Any] = ["number": heading.number, "title": heading.title, "id": heading.id]
            if heading.level == 2 || entries.isEmpty {
                entries.append(entry.merging(["children": [[String: Any]]()]))
            } else {
                var children = entries[entries.count - 1]["children"] as? [[String: Any]] ?? []
                children.append(entry)
                entries[entries.count - 1]["children"] = children
            }
        }
        for index in entries.indices {
            entries[index]["hasChildren"] = !((entries[index]["children"] as? [[String: Any]]) ?? []).isEmpty
        }
        return entries
    }
}
