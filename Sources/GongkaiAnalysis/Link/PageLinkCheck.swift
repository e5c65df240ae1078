import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks `report:` links and relative links once every report is read: each leads to a page the portal has, and
/// its `#anchor`, on a report page or the register, to a place that page has.
package enum PageLinkCheck {
    package static func run(reports: [Report], orgs: [String], documentKeys: [String]) -> [Diagnostic] {
        guard reports.contains(where: { !$0.pageReferences.isEmpty }) else { return [] }
        let byPath = Dictionary(reports.map { ($0.sitePath, $0) }, uniquingKeysWith: { first, _ in first })
        let folders = Set([SiteLayout.home, SiteLayout.documents] + orgs.map(SiteLayout.org))
        let files: Set<String> = [SiteLayout.sitemap, SiteLayout.feed, SiteLayout.robots, SiteLayout.notFound]
        var diagnostics: [Diagnostic] = []
        for report in reports {
            for reference in report.pageReferences {
                let path = reference.path
                // The report page and its print page have the same anchors; its PDF is published where the build says.
                let reportPath = path.hasSuffix(SiteLayout.printFolder) ? String(path.dropLast(SiteLayout.printFolder.count)) : path
                if let cited = byPath[reportPath] {
                    guard let fragment = reference.fragment else { continue }
                    let anchors = cited.headings.map(\.id) + cited.mentions.map(\.anchor)
                    if !anchors.contains(fragment) {
                        diagnostics.append(.error("link.no-such-anchor", at: reference.location,
                                                  "the report \(cited.org)/\(cited.year) has no section `#\(fragment)`"
                                                    | "报告 \(cited.org)/\(cited.year) 中没有章节 `#\(fragment)`",
                                                  hint: "a section's id is the `{#id}` of its heading" | "章节 id 即其标题后的 `{#id}`",
                                                  correction: Suggestion.correction(for: fragment, in: cited.headings.map(\.id))))
                    }
                    continue
                }
                if path == SiteLayout.documents, let fragment = reference.fragment,
                   !documentKeys.contains(where: { SiteLayout.documentAnchor($0) == fragment }) {
                    diagnostics.append(.error("link.no-such-anchor", at: reference.location,
                                              "the documents register has no entry `#\(fragment)`" | "文件登记中没有条目 `#\(fragment)`",
                                              hint: "link a document with doc:KEY" | "链接文件请用 doc:键"))
                    continue
                }
                let isPDF = path.hasSuffix("/" + SiteLayout.pdfFile) && byPath[String(path.dropLast(SiteLayout.pdfFile.count))] != nil
                if folders.contains(path) || files.contains(path) || isPDF || path.hasPrefix("assets/") { continue }
                // The nearest report, as a `report:` link: it stays right wherever the citing report's pages are.
                let nearest = Suggestion.nearest(to: path, in: byPath.keys.sorted()).map { "report:" + $0.dropLast() }
                    ?? "report:\(report.org)/\(report.year - 1)"
                diagnostics.append(.error("link.broken", at: reference.location,
                                          "`\(reference.written)` leads to \(path.isEmpty ? "/" : path), a page the portal does not have"
                                            | "`\(reference.written)` 指向 \(path.isEmpty ? "/" : path)，门户中没有此页面",
                                          hint: "cite a report with report:ORG/YEAR, such as \(nearest)" | "引用报告请写 report:部门/年度，如 \(nearest)"))
            }
        }
        return diagnostics
    }
}
