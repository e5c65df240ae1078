import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The report page's values: front-matter block, table of contents, body and the figures it holds.
package struct ReportView {
    package let report: Report
    package let org: Org
    package let schema: Schema
    package let allowsRawHTML: Bool
    /// Whether the report's PDF is published beside its page.
    package var hasPDF = false

    package func dictionary(root: String) -> [String: Any] {
        present([
            "printHref": SiteLayout.printFolder,
            "pdfHref": hasPDF ? SiteLayout.pdfFile : nil,
            "report": Self.summary(report, org: org, root: root),
            "toc": tableOfContents(),
            "body": report.body.html(for: .web, root: root),
            // Rows of plain strings: swift-mustache looks their values up faster than in `[String: Any]`, and a
            // report can hold a hundred figures or more.
            "figures": report.figures.map { figure -> [String: String] in
                [
                    "label": schema.metrics[figure.metric]?.label ?? figure.metric,
                    "text": figure.text,
                    "value": figure.valueText,
                    "metric": figure.metric,
                ]
            },
            "hasFigures": !report.figures.isEmpty,
            "documents": report.documents.map { document in
                present([
                    "title": document.title,
                    "date": document.issued?.chinese,
                    "href": root + SiteLayout.path(of: .document(key: document.key)),
                ])
            },
            "hasDocuments": !report.documents.isEmpty,
        ])
    }

    /// The print page's values: the body numbered and laid out as the paper, and the signature block.
    package func printDictionary(root: String) -> [String: Any] {
        [
            "report": Self.summary(report, org: org, root: root),
            "body": report.body.html(for: .print, root: root),
            // 成文日期: the date the report was signed; the publication date stands in where the front matter has none.
            "signatureDate": (report.written ?? report.published).chinese,
            "subject": "\(org.name)\(report.year)年度法治政府建设情况报告",
        ]
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

    /// A report as listed on other pages and in its own header block.
    package static func summary(_ report: Report, org: Org, root: String) -> [String: Any] {
        present([
            "title": report.title,
            "year": String(report.year),
            "href": root + report.sitePath,
            "org": org.name,
            "orgShort": org.shortName,
            "orgHref": root + SiteLayout.org(org.slug),
            "indexNumber": report.indexNumber,
            "documentNumber": report.documentNumber,
            "written": report.written?.chinese,
            "published": report.published.chinese,
            "publishedISO": report.published.description,
            "isDraft": report.status == .draft,
        ])
    }
}
