import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks the templates without rendering them: every partial (`{{>name}}`) and parent (`{{<name}}`) a template
/// names exists, and every name it reads is one the views provide.
package enum TemplateLint {
    package static func check(_ files: [SourceFile], templateNames: Set<String>) -> [Diagnostic] {
        // Made per check (Regex is not Sendable, so it cannot be a shared constant): templates load once a build.
        let tag = /\{\{(\{?)\s*([#^\/>&<$!%]?)\s*([^}]*?)\s*\}?\}\}/
        var diagnostics: [Diagnostic] = []
        for file in files {
            for lineNumber in 1...max(file.lineCount, 1) {
                let line = file.line(lineNumber)
                for match in line.matches(of: tag) {
                    let sigil = String(match.output.2), name = String(match.output.3)
                    let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                    let location = file.location(line: lineNumber, column: column)
                    switch sigil {
                    case "!", "/", "$", "%":
                        continue
                    case ">", "<":
                        if !templateNames.contains(name) {
                            diagnostics.append(.error("template.missing-partial", at: location,
                                                      "the \(sigil == ">" ? "partial" : "parent") `\(name)` does not exist"
                                                        | "\(sigil == ">" ? "局部模板" : "父模板") `\(name)` 不存在",
                                                      hint: "add \(name).mustache to the templates folder" | "在模板文件夹中添加 \(name).mustache",
                                                      correction: Suggestion.correction(for: name, in: templateNames)))
                        }
                    default:
                        for component in name.split(separator: ".") where !TemplateVocabulary.names.contains(String(component)) {
                            guard Int(component) == nil else { continue }
                            diagnostics.append(.warning("template.unknown-name", at: location,
                                                        "no view provides `\(component)`; it will always render empty"
                                                          | "页面数据中没有 `\(component)`，它总是显示为空",
                                                        correction: Suggestion.correction(for: String(component), in: TemplateVocabulary.names)))
                        }
                    }
                }
            }
        }
        return diagnostics
    }
}
