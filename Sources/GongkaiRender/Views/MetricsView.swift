import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// `/metrics/`: the catalogue, each metric with how many reports give it and its latest figures: each department's
/// latest where a few give it, the latest year's range where many do (a city's 100 departments would make a
/// catalogue row of 100 figures, which nobody reads and which took axe-core minutes to audit).
package struct MetricsView: PageViewType {
    package let site: Site
    package let index: MetricIndex

    /// Up to this many departments, each one's latest figure is listed.
    static let listedDepartments = 6

    package static let shape = ViewShape.object([
        "metrics": .list([
            "key": .value, "label": .value, "unit": .value, "kind": .value, "href": .value, "reports": .value,
            "latest": .list(["org": .value, "year": .value, "text": .value]), "hasLatest": .flag,
            "summary": .object(["year": .value, "count": .value, "range": .value]),
        ]),
        "data": .object(["figures": .value, "commitments": .value, "documents": .value, "catalog": .value, "schema": .value]),
    ])

    static func kind(_ kind: MetricDefinition.Kind) -> String {
        switch kind {
        case .count: return "计数"
        case .percent: return "百分比"
        case .amount: return "数量"
        }
    }

    package func values(root: String) -> [String: Any] {
        ["metrics": site.schema.metrics.values.sorted { $0.key < $1.key }.map { metric -> [String: Any] in
            let lines = index.series[metric.key] ?? []
            let many = lines.count > Self.listedDepartments
            let latest = many ? [] : lines.compactMap { series -> [String: String]? in
                guard let last = series.points.last else { return nil }
                return ["org": series.org.shortName, "year": String(last.year), "text": last.figure.text]
            }
            return present([
                "key": metric.key, "label": metric.label, "unit": metric.units.first ?? "", "kind": Self.kind(metric.kind),
                "href": root + SiteLayout.metric(metric.key), "reports": String(index.reportCount(metric.key)),
                "latest": latest, "hasLatest": !latest.isEmpty,
                "summary": many ? Self.latestRange(lines) : nil,
            ])
        },
        // The portal's open data is listed here, beside the figures most of it holds.
        "data": [
            "figures": root + SiteLayout.figuresCSV, "commitments": root + SiteLayout.commitmentsCSV,
            "documents": root + SiteLayout.documentsCSV, "catalog": root + SiteLayout.catalogJSON, "schema": root + SiteLayout.schemaJSON,
        ]]
    }
}

extension MetricsView {
    /// The latest year any department gives the metric, how many give it that year, and the lowest and highest figure
    /// as printed (qualifiers kept: 60 余次 至 460 次).
    static func latestRange(_ lines: [MetricIndex.Series]) -> [String: String]? {
        guard let year = lines.compactMap({ $0.points.last?.year }).max() else { return nil }
        let figures = lines.compactMap { line in line.points.last { $0.year == year }?.figure }
        guard let low = figures.min(by: { $0.value < $1.value }), let high = figures.max(by: { $0.value < $1.value }) else { return nil }
        return ["year": String(year), "count": String(figures.count), "range": low.text == high.text ? low.text : low.text + " 至 " + high.text]
    }
}

/// `/metrics/{key}/`: one metric across departments and years, as a chart and as the table it is drawn from.
package struct MetricView: PageViewType {
    package let site: Site
    package let index: MetricIndex
    package let metric: MetricDefinition

    package static let shape = ViewShape.object([
        "metric": .object(["key": .value, "label": .value, "unit": .value, "kind": .value]),
        "chart": .value, "hasData": .flag,
        "years": .list(["year": .value]),
        "rows": .list(["org": .value, "orgHref": .value, "cells": .list(["text": .value, "value": .value, "href": .value, "qualifier": .value])]),
    ])

    package func values(root: String) -> [String: Any] {
        let series = index.series[metric.key] ?? []
        let years = index.years
        let unit = metric.units.first ?? ""
        return [
            "metric": ["key": metric.key, "label": metric.label, "unit": unit, "kind": MetricsView.kind(metric.kind)],
            "chart": series.isEmpty ? "" : MetricChart.svg(title: metric.label, unit: unit, years: years, series: series, tableID: "metric-table"),
            "hasData": !series.isEmpty,
            "years": years.map { ["year": String($0)] },
            "rows": series.map { line -> [String: Any] in
                // Both in year order: each year's cell is the first point of that year, found walking along the points
                // (no dictionary of points per row: a metric of 100 departments has 100 rows).
                var next = 0
                return [
                    "org": line.org.name,
                    "orgHref": root + SiteLayout.org(line.org.slug),
                    "cells": years.map { year -> [String: String] in
                        while next < line.points.count, line.points[next].year < year { next += 1 }
                        guard next < line.points.count, line.points[next].year == year else { return [:] }
                        let point = line.points[next]
                        var cell = ["text": point.figure.text, "value": point.figure.valueText,
                                    "href": root + point.sitePath + "#" + point.figure.anchor]
                        if let qualifier = point.figure.qualifier { cell["qualifier"] = qualifier.rawValue }
                        return cell
                    },
                ]
            },
        ]
    }
}
