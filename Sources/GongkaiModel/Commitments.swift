/// Every commitment (plan item) of every report, with what became of it: 已落实 when a later report of the same
/// department links it with `plan:` (with the measures that do), 未见后续报告 when the next year's report is published
/// and no later report links it, 待报告 while the next year's report is not published. A department reports on its own
/// commitments: links from other departments' reports do not count. Worked out from the sources only.
public struct Commitments: Sendable {
    public enum State: String, Sendable {
        case delivered
        case noFollowUp = "no-follow-up"
        case pending

        public var label: String {
            switch self {
            case .delivered: return "已落实"
            case .noFollowUp: return "未见后续报告"
            case .pending: return "待报告"
            }
        }
    }

    public struct Item: Sendable {
        public let report: Report
        public let item: PlanItem
        public let state: State
        /// The measures that deliver it: each later report with the link's anchor and section there.
        public let deliveries: [(report: Report, reference: PlanReference)]
    }

    /// Each report's commitments, in the order of `reports` and of its plans part.
    public let byReport: [(report: Report, items: [Item])]

    public init(reports: [Report]) {
        let byOrgYear = Dictionary(reports.map { ("\($0.org)/\($0.year)", $0) }, uniquingKeysWith: { first, _ in first })
        // Every delivering link, by the commitment it names.
        var deliveries: [String: [(report: Report, reference: PlanReference)]] = [:]
        for report in reports {
            for reference in report.planReferences where reference.org == report.org && reference.year < report.year {
                deliveries["\(reference.org)/\(reference.year)#\(reference.id)", default: []].append((report, reference))
            }
        }
        byReport = reports.filter { !$0.planItems.isEmpty }.map { report in
            let nextPublished = byOrgYear["\(report.org)/\(report.year + 1)"] != nil
            return (report, report.planItems.map { item in
                let delivered = deliveries["\(report.org)/\(report.year)#\(item.id)"] ?? []
                let state: State = !delivered.isEmpty ? .delivered : nextPublished ? .noFollowUp : .pending
                return Item(report: report, item: item, state: state, deliveries: delivered)
            })
        }
    }

    /// "2023 年承诺 3 项：已落实 2 项，未见后续 1 项".
    public static func summary(_ items: [Item], year: Int) -> String {
        let counts = [State.delivered, .noFollowUp, .pending].compactMap { state -> String? in
            let count = items.filter { $0.state == state }.count
            guard count > 0 else { return nil }
            return "\(state == .noFollowUp ? "未见后续" : state.label) \(count) 项"
        }
        return "\(year) 年承诺 \(items.count) 项" + (counts.isEmpty ? "" : "：" + counts.joined(separator: "，"))
    }
}
