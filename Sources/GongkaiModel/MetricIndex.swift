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
        // One flat list per metric, sorted once by department (in the portal's order) and year: a dictionary of
        // departments inside each metric's entry was copied on every figure added to it.
        let orgOrder = Dictionary(site.orgs.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var byMetric: [String: [(org: Int, year: Int, figure: Figure, sitePath: String)]] = [:]
        for report in site.reports {
            guard let org = orgOrder[report.org] else { continue }
            let sitePath = report.sitePath
            for figure in report.figures { byMetric[figure.metric, default: []].append((org, report.year, figure, sitePath)) }
        }
        series = byMetric.mapValues { entries in
            // Sorted as plain numbers (department, year, position: a report's repeated figures keep their order), so no
            // figure is copied by a comparison.
            let sorted = entries.indices.map { (entries[$0].org, entries[$0].year, $0) }.sorted { $0 < $1 }
            var lines: [Series] = []
            var start = 0
            while start < sorted.count {
                let org = sorted[start].0
                var end = start
                while end < sorted.count, sorted[end].0 == org { end += 1 }
                lines.append(Series(org: site.orgs[org], points: sorted[start..<end].map { (entries[$0.2].year, entries[$0.2].figure, entries[$0.2].sitePath) }))
                start = end
            }
            return lines
        }
        years = Array(Set(site.reports.map(\.year))).sorted()
    }

    /// How many reports give the metric.
    public func reportCount(_ metric: String) -> Int { series[metric]?.reduce(0) { $0 + $1.points.count } ?? 0 }
}
