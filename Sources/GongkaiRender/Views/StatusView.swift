import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// `/status/`: department × year, each report's publication date, on time or late against schema.yaml's deadline,
/// or not published; totals per year. For the portal team that follows the departments up.
package struct StatusView: PageViewType {
    package let site: Site

    package static let shape = ViewShape.object([
        "years": .list(["year": .value]),
        "rows": .list([
            "org": .value, "orgHref": .value,
            "cells": .list([
                "year": .value, "state": .value, "label": .value, "date": .value, "dateISO": .value, "href": .value, "due": .value,
                "published": .flag,
            ]),
        ]),
        "totals": .list(["year": .value, "published": .value, "onTime": .value, "late": .value, "missing": .value]),
        "deadline": .value, "hasReports": .flag,
    ])

    /// How a cell's state reads.
    static func label(_ state: PublicationStatus.State) -> String {
        switch state {
        case .onTime: return "按期公开"
        case .late: return "逾期公开"
        case .missing: return "未公开"
        case .notExpected: return "—"
        }
    }

    package func values(root: String) -> [String: Any] {
        let status = PublicationStatus(orgs: site.orgs, reports: site.reports, schema: site.schema)
        return present([
            "years": status.years.map { ["year": String($0)] },
            "rows": status.rows.map { row -> [String: Any] in
                [
                    "org": row.org.name,
                    "orgHref": root + SiteLayout.org(row.org.slug),
                    "cells": row.cells.map { cell -> [String: Any] in
                        present([
                            "year": String(cell.year),
                            "state": cell.state.rawValue,
                            "label": Self.label(cell.state),
                            "date": cell.report?.published.chinese,
                            "dateISO": cell.report?.published.description,
                            "href": cell.report.map { root + $0.sitePath },
                            "due": cell.due?.chinese,
                            "published": cell.report != nil,
                        ])
                    },
                ]
            },
            "totals": status.totals.map { totals -> [String: String] in
                ["year": String(totals.year), "published": String(totals.published), "onTime": String(totals.onTime),
                 "late": String(totals.late), "missing": String(totals.missing)]
            },
            "deadline": site.schema.deadline.map { "次年\($0.month)月\($0.day)日前" },
            "hasReports": !status.years.isEmpty,
        ])
    }
}
