import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Checks what only shows once every report is read: `plan:` links resolve to a plan item of an earlier report,
/// a document key means the same document in documents.yaml and in every report that declares it, and one document
/// is not declared under two keys.
package enum CrossReferenceCheck {
    package static func run(reports: [Report], catalogue: DocumentCatalogue = .empty, plansAcrossDepartments: Bool = false) -> [Diagnostic] {
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
                } else if reference.org != report.org, !plansAcrossDepartments {
                    diagnostics.append(.warning("plan.other-department", at: reference.location,
                                                "`plan:` cites a commitment of another department (\(reference.org)); a department reports how it delivered its own"
                                                  | "`plan:` 引用了其他部门（\(reference.org)）的工作安排；各部门报告的是本部门安排的落实情况",
                                                hint: "cite \(report.org)'s own plan, or set `plans_across_departments: true` in schema.yaml where the portal's departments share commitments"
                                                  | "请引用本部门（\(report.org)）的安排；如门户中各部门共担安排，在 schema.yaml 中设置 `plans_across_departments: true`"))
                }
            }
        }
        diagnostics += checkDeclarations(reports: reports, catalogue: catalogue)
        return diagnostics
    }

    /// Each declaration against the first of its key (documents.yaml's first, then the reports' in order), and against
    /// the first of its title under another key: the register would list one document twice.
    private static func checkDeclarations(reports: [Report], catalogue: DocumentCatalogue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstOfKey: [String: (document: DeclaredDocument, at: SourceLocation)] = [:]
        var firstOfTitle: [String: (key: String, at: SourceLocation)] = [:]
        let declarations = catalogue.documents.map { ($0, SourceLocation(file: $0.declaredAt?.file ?? "documents.yaml", line: 1, column: 1)) }
            + reports.flatMap { report in report.documents.map { ($0, SourceLocation(file: report.sourcePath, line: 1, column: 1)) } }
        for (document, fileStart) in declarations {
            let here = document.declaredAt ?? fileStart
            if let first = firstOfKey[document.key] {
                // A report naming a catalogue document carries it as it is: only a declaration of its own can differ.
                if first.document != document {
                    // At the declaration itself, and the first one named: a conflict is between two lines.
                    diagnostics.append(.error("doc.conflicting-declaration", at: here,
                                              "the document key `\(document.key)` is declared differently in \(first.at.file)"
                                                | "文件键 `\(document.key)` 在 \(first.at.file) 中的声明与此不同",
                                              hint: "a key names one document across the portal: copy the declaration or choose another key"
                                                | "同一个键在整个门户中指同一份文件：请复制原声明，或换一个键",
                                              related: [RelatedLocation(first.at, "declared first here" | "首次声明于此")]))
                }
                continue
            }
            firstOfKey[document.key] = (document, here)
            let title = Schema.Part.normalized(document.title)
            if let first = firstOfTitle[title], first.key != document.key {
                diagnostics.append(.warning("doc.duplicate-title", at: here,
                                            "《\(document.title)》 is declared under `\(first.key)` already (\(first.at.file)); here it is `\(document.key)`"
                                              | "《\(document.title)》已以 `\(first.key)` 声明（\(first.at.file)），此处又用了 `\(document.key)`",
                                            hint: "the register would list it twice: link it as doc:\(first.key) and drop this declaration"
                                              | "文件登记中会出现两次：请改用 doc:\(first.key) 链接，并删去此声明",
                                            related: [RelatedLocation(first.at, "declared first here" | "首次声明于此")]))
            } else if firstOfTitle[title] == nil {
                firstOfTitle[title] = (document.key, here)
            }
        }
        return diagnostics
    }
}
