import GongkaiModel

/// The search page: its filters (every department, every year with a report); the results are the browser's.
package struct SearchView {
    let site: Site

    package static let shape = ViewShape.object([
        "orgs": .list(["slug": .value, "name": .value]),
        "years": .list(["year": .value]),
    ])

    package func values(root: String) -> [String: Any] {
        [
            "orgs": site.orgs.map { ["slug": $0.slug, "name": $0.name] },
            "years": Set(site.reports.map(\.year)).sorted(by: >).map { ["year": String($0)] },
        ]
    }
}
