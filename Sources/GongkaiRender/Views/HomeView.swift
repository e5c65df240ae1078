import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The home page: the portal at a glance (the latest year's publication and every commitment's state), the latest
/// report of each department with its headline figures (or, without any, its parts), and the departments.
package struct HomeView: PageViewType {
    package let site: Site
    package let commitments: Commitments

    /// How many headline figures the home page shows per report.
    package static let headlineFigureCount = 4

    package static let shape = ViewShape.object([
        "orgs": .list(["name": .value, "href": .value, "reportCount": .value]),
        "latest": .list(ReportSummary.shape.fields.merging([
            "headlines": .list(["label": .value, "text": .value, "value": .value]), "hasHeadlines": .flag,
            "parts": .list(["title": .value]), "hasParts": .flag,
        ]) { _, new in new }),
        "hasReports": .flag,
        "glance": .object([
            "year": .value, "published": .value, "onTime": .value, "late": .value, "missing": .value, "statusHref": .value,
            "commitments": .value, "delivered": .value, "noFollowUp": .value, "pending": .value, "commitmentsHref": .value,
        ]),
    ])

    package func values(root: String) -> [String: Any] {
        // Newest first; reports of one day in the portal's order of departments.
        let latest = site.orgs.enumerated().compactMap { index, org in site.reports(of: org.slug).last.map { (org, $0, index) } }
            .sorted { ($0.1.published, -$0.2) > ($1.1.published, -$1.2) }
            .map { ($0.0, $0.1) }
        return present([
            "orgs": site.orgs.map { org in
                ["name": org.name, "href": root + SiteLayout.org(org.slug), "reportCount": String(site.reports(of: org.slug).count)]
            },
            "latest": latest.map { org, report in
                let headlines = report.figures.filter { site.schema.metrics[$0.metric]?.headline == true }
                    .prefix(Self.headlineFigureCount)
                    .map { ["label": site.schema.metrics[$0.metric]?.label ?? $0.metric, "text": $0.text, "value": $0.valueText] }
                // A card without headline figures shows what the report covers: its parts, numbered as printed.
                let parts = headlines.isEmpty ? report.headings.filter { $0.level == 2 }.map { ["title": $0.number + $0.title] } : []
                return ReportSummary.values(report, org: org, root: root)
                    .merging(["headlines": Array(headlines), "hasHeadlines": !headlines.isEmpty, "parts": parts, "hasParts": !parts.isEmpty])
            },
            "hasReports": !latest.isEmpty,
            "glance": glance(root: root),
        ])
    }

    /// The latest year's reports against the deadline and what became of every commitment, in numbers, each linking to
    /// its page; nil before the first report.
    private func glance(root: String) -> [String: String]? {
        guard let year = PublicationStatus(orgs: site.orgs, reports: site.reports, schema: site.schema).totals.last else { return nil }
        let items = commitments.byReport.flatMap(\.items)
        func count(_ state: Commitments.State) -> String { String(items.filter { $0.state == state }.count) }
        return [
            "year": String(year.year), "published": String(year.published), "onTime": String(year.onTime), "late": String(year.late),
            "missing": String(year.missing), "statusHref": root + SiteLayout.status,
            "commitments": String(items.count), "delivered": count(.delivered), "noFollowUp": count(.noFollowUp), "pending": count(.pending),
            "commitmentsHref": root + SiteLayout.commitments,
        ]
    }
}
