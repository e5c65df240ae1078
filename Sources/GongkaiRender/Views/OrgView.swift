import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A department's page: the department, its headline metrics over its years as small charts, and its reports,
/// newest first.
package struct OrgView: PageViewType {
    package let site: Site
    package let org: Org
    package let index: MetricIndex

    package static let shape = ViewShape.object([
        "org": .object(["name": .value, "shortName": .value, "parent": .value, "code": .value]),
        "reports": .list(ReportSummary.shape.fields),
        "charts": .list([
            "label": .value, "unit": .value, "href": .value, "chart": .value, "tableID": .value,
            "points": .list(["year": .value, "text": .value, "value": .value, "href": .value]),
        ]),
        "hasCharts": .flag,
    ])

    package func values(root: String) -> [String: Any] {
        // The catalogue's headline metrics the department gives in at least one report, in the catalogue's key order.
        let charts = site.schema.metrics.values.filter(\.headline).sorted { $0.key < $1.key }.compactMap { metric -> [String: Any]? in
            guard let line = index.series[metric.key]?.first(where: { $0.org.slug == org.slug }), let first = line.points.first,
                  let last = line.points.last else { return nil }
            let unit = metric.units.first ?? ""
            let tableID = "org-metric-" + metric.key
            return [
                "label": metric.label, "unit": unit, "href": root + SiteLayout.metric(metric.key), "tableID": tableID,
                "chart": MetricChart.svg(title: metric.label, unit: unit, years: Array(first.year...last.year), series: [line], tableID: tableID),
                "points": line.points.map { point -> [String: String] in
                    ["year": String(point.year), "text": point.figure.text, "value": point.figure.valueText,
                     "href": root + point.sitePath + "#" + point.figure.anchor]
                },
            ]
        }
        return [
            "org": present(["name": org.name, "shortName": org.shortName, "parent": org.parent, "code": org.code]),
            "reports": site.reports(of: org.slug).reversed().map { ReportSummary.values($0, org: org, root: root) },
            "charts": charts,
            "hasCharts": !charts.isEmpty,
        ]
    }
}
