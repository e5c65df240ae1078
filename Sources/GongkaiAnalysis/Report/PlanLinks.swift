import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Turns `plan:` links into references to plan items of earlier reports; they are resolved once every report is
/// read (`CrossReferenceCheck`).
struct PlanLinks {
    private(set) var references: [PlanReference] = []

    /// Called once the link's children are analysed.
    mutating func visit(_ node: inout MarkdownNode, target: String, in context: inout BodyContext) {
        let here = context.location(of: node)
        guard let reference = Self.parsePlanTarget(target, defaultOrg: context.org, at: here) else {
            node.kind = .group
            context.diagnostics.append(.error("plan.malformed", at: here, "`plan:\(target)` is not a plan reference" | "`plan:\(target)` 不是有效的安排引用",
                                              hint: "write plan:YEAR#ID or plan:ORG/YEAR#ID, e.g. plan:\(context.year - 1)#plan-education"
                                                | "写作 plan:年度#id 或 plan:部门/年度#id，如 plan:\(context.year - 1)#plan-education"))
            return
        }
        let anchor = SiteLayout.deliveryAnchor(references.count + 1)
        references.append(PlanReference(org: reference.org, year: reference.year, id: reference.id, location: here, anchor: anchor,
                                        section: context.currentSection))
        node.kind = .reference(.plan, target: .plan(org: reference.org, year: reference.year, id: reference.id), anchor: anchor)
    }

    static func parsePlanTarget(_ target: String, defaultOrg: String, at location: SourceLocation) -> PlanReference? {
        let parts = target.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let path = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        let org = path.count == 2 ? String(path[0]) : defaultOrg
        guard path.count <= 2, !org.isEmpty, let year = Int(path.last!) else { return nil }
        return PlanReference(org: org, year: year, id: String(parts[1]), location: location)
    }
}
