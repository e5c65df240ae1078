/// Which departments published their report of which year, and on time: what the portal team (依法治市办) follows on
/// `/status/`. A department is expected to report every year from its first report on this portal to the portal's
/// latest year; before that it has no row entry. Computed from the published reports only — never from today's
/// date, so the same sources give the same page whenever they are built.
public struct PublicationStatus: Sendable {
    public enum State: String, Sendable {
        /// Published before the deadline (or there is none in schema.yaml).
        case onTime = "on-time"
        /// Published on or after the deadline.
        case late
        /// A year from the department's first report on, without a report on this portal.
        case missing
        /// Before the department's first report here.
        case notExpected = "not-expected"
    }

    public struct Cell: Sendable {
        public let year: Int
        public let state: State
        /// The report, where there is one.
        public let report: Report?
        /// The day it was due before, where schema.yaml gives a deadline.
        public let due: SimpleDate?
    }

    public struct Row: Sendable {
        public let org: Org
        public let cells: [Cell]
    }

    public struct Totals: Sendable {
        public let year: Int
        public let onTime: Int
        public let late: Int
        public let missing: Int
        public var published: Int { onTime + late }
    }

    /// The portal's years, oldest first.
    public let years: [Int]
    public let rows: [Row]
    public let totals: [Totals]

    public init(orgs: [Org], reports: [Report], schema: Schema) {
        let byOrg = Dictionary(grouping: reports, by: \.org)
        guard let first = reports.map(\.year).min(), let last = reports.map(\.year).max() else {
            years = []
            rows = []
            totals = []
            return
        }
        years = Array(first...last)
        let rows = orgs.map { org in
            let own = Dictionary((byOrg[org.slug] ?? []).map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
            let firstOwn = own.keys.min() ?? Int.max
            return Row(org: org, cells: (first...last).map { year in
                let due = schema.due(forYear: year)
                guard let report = own[year] else { return Cell(year: year, state: year >= firstOwn ? .missing : .notExpected, report: nil, due: due) }
                let late = due.map { report.published >= $0 } ?? false
                return Cell(year: year, state: late ? .late : .onTime, report: report, due: due)
            })
        }
        self.rows = rows
        totals = (first...last).enumerated().map { index, year in
            let cells = rows.map { $0.cells[index] }
            return Totals(year: year, onTime: cells.filter { $0.state == .onTime }.count, late: cells.filter { $0.state == .late }.count,
                          missing: cells.filter { $0.state == .missing }.count)
        }
    }
}
