import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A report as listed on other pages and in its own header block.
package enum ReportSummary {
    package static let shape = ViewShape.object([
        "title": .value, "year": .value, "href": .value, "org": .value, "orgShort": .value, "orgHref": .value,
        "indexNumber": .value, "documentNumber": .value, "written": .value, "published": .value, "publishedISO": .value,
        "isDraft": .flag, "fields": .fields(.report),
    ])

    package static func values(_ report: Report, org: Org, root: String) -> [String: Any] {
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
            "fields": report.frontMatter.view,
        ])
    }
}
