import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// A department's page: the department and its reports, newest first.
package struct OrgView: PageViewType {
    package let site: Site
    package let org: Org

    package static let shape = ViewShape.object([
        "org": .object(["name": .value, "shortName": .value, "parent": .value, "code": .value]),
        "reports": .list(ReportSummary.shape.fields),
    ])

    package func values(root: String) -> [String: Any] {
        [
            "org": present(["name": org.name, "shortName": org.shortName, "parent": org.parent, "code": org.code]),
            "reports": site.reports(of: org.slug).reversed().map { ReportSummary.values($0, org: org, root: root) },
        ]
    }
}
