import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Checks what only shows once every report is read: `plan:` links resolve to a plan item of an earlier report,
/// and a document key means the same document in every report that declares it.
package enum CrossReferenceCheck {
    package static func run(reports: [Report]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byOrgYear = Dictionary(reports.map { ("\($0.org)/\($0.year)", $0) }, uniquingKeysWith: { first, _ in first })
        for report in reports {
            for reference in report.planReferences {
                let target = "\(reference.org)/\(reference.year)"
                guard reference.year < report.year else {
                    diagnostics.append(.error("plan.unresolved", at: reference.location,
                                              "`plan:` must cite a plan of an earlier year than \(report.year), not \(reference.year)"
                                                | "`plan:` 只能引用 \(report.year) 年以前报告中的安排，不能引用 \(reference.year) 年"))
                    continue
                }
                guard let cited = byOrgYear[target] else {
                    // Only a report that can be cited is suggested: an earlier one, never this report or a later one.
                    let earlier = reports.filter { $0.year < report.year }.map { "\($0.org)/\($0.year)" }
                    diagnostics.append(.error("plan.unresolved", at: reference.location, "there is no report \(target) to cite" | "没有可引用的报告 \(target)",
                                              correction: Suggestion.correction(for: target, in: earlier)))
                    continue
                }
                if !cited.planItems.contains(where: { $0.id == reference.id }) {
                    diagnostics.append(.error("plan.unresolved", at: reference.location,
                                              "the report \(target) has no plan item `\(reference.id)`" | "报告 \(target) 中没有安排 `\(reference.id)`",
                                              correction: Suggestion.correction(for: reference.id, in: cited.planItems.map(\.id))))
                }
            }
        }
        var firstDeclaration: [String: (DeclaredDocument, Report)] = [:]
        for report in reports {
            for document in report.documents {
                if let (earlier, earlierReport) = firstDeclaration[document.key] {
                    if earlier != document {
                        // At the declaration itself, and the first one named: a conflict is between two lines.
                        let here = document.declaredAt ?? SourceLocation(file: report.sourcePath, line: 1, column: 1)
                        let first = earlier.declaredAt ?? SourceLocation(file: earlierReport.sourcePath, line: 1, column: 1)
                        diagnostics.append(.error("doc.conflicting-declaration", at: here,
                                                  "the document key `\(document.key)` is declared differently in \(earlierReport.sourcePath)"
                                                    | "文件键 `\(document.key)` 在 \(earlierReport.sourcePath) 中的声明与此不同",
                                                  hint: "a key names one document across the portal: copy the declaration or choose another key"
                                                    | "同一个键在整个门户中指同一份文件：请复制原声明，或换一个键",
                                                  related: [RelatedLocation(first, "declared first here" | "首次声明于此")]))
                    }
                } else {
                    firstDeclaration[document.key] = (document, report)
                }
            }
        }
        return diagnostics
    }
}
