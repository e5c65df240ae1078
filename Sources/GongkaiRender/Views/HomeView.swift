import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The home page: the latest report of each department with headline figures, and the departments.
package struct HomeView: PageViewType {
    package let site: Site

    /// How many headline figures the home page shows per report.
    package static let headlineFigureCount = 4

    package static let shape = ViewShape.object([
        "orgs": .list(["name": .value, "href": .value, "reportCount": .value]),
        "latest": .list(ReportSummary.shape.fields.merging([
            "headlines": .list(["label": .value, "text": .value, "value": .value]), "hasHeadlines": .flag,
        ]) { _, new in new }),
        "hasReports": .flag,
    ])

    package func values(root: String) -> [String: Any] {
        let latest = site.orgs.compactMap { org in site.reports(of: org.slug).last.map { (org, $0) } }
            .sorted { ($0.1.published, $0.0.slug) > ($1.1.published, $1.0.slug) }
        return [
            "orgs": site.orgs.map { org in
                ["name": org.name, "href": root + SiteLayout.org(org.slug), "reportCount": String(site.reports(of: org.slug).count)]
            },
            "latest": latest.map { org, report in
                let headlines = report.figures.filter { site.schema.metrics[$0.metric]?.headline == true }
                    .prefix(Self.headlineFigureCount)
                    .map { ["label": site.schema.metrics[$0.metric]?.label ?? $0.metric, "text": $0.text, "value": $0.valueText] }
                return ReportSummary.values(report, org: org, root: root)
                    .merging(["headlines": Array(headlines), "hasHeadlines": !headlines.isEmpty])
            },
            "hasReports": !latest.isEmpty,
        ]
    }
}
