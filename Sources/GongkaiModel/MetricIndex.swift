import GongkaiSyntax

/// Every metric's figures across departments and years: what `/metrics/` and each metric's page show.
public struct MetricIndex: Sendable {
    public struct Series: Sendable {
        public let org: Org
        /// By year, oldest first, each with the path of its report's page: all the pages need of the report.
        public let points: [(year: Int, figure: Figure, sitePath: String)]
    }

    /// By metric key: each department that gives it, in the portal's order of departments.
    public let series: [String: [Series]]
    /// The portal's years with a report, oldest first.
    public let years: [Int]

    public init(site: Site) {
        var byMetric: [String: [String: [(year: Int, figure: Figure, sitePath: String)]]] = [:]
        for report in site.reports {
            let sitePath = report.sitePath
            for figure in report.figures { byMetric[figure.metric, default: [:]][report.org, default: []].append((report.year, figure, sitePath)) }
        }
        series = byMetric.mapValues { byOrg in
            site.orgs.compactMap { org in
                byOrg[org.slug].map { Series(org: org, points: $0.sorted { $0.year < $1.year }) }
            }
        }
        years = Array(Set(site.reports.map(\.year))).sorted()
    }

    /// How many reports give the metric.
    public func reportCount(_ metric: String) -> Int { series[metric]?.reduce(0) { $0 + $1.points.count } ?? 0 }
}
