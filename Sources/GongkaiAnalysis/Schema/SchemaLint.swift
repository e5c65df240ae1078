import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Finds keywords in a schema of `schema.yaml` that this JSON Schema subset does not know, so a misspelt
/// `requried:` is reported instead of silently checking nothing.
package enum SchemaLint {
    package static func check(_ schema: YAMLNode, depth: Int = 0) -> [Diagnostic] {
        guard depth < 64, let entries = schema.entries else { return [] }
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            guard JSONSchema.keywords.contains(entry.key) else {
                diagnostics.append(.error("schema.unknown-keyword", at: entry.keyLocation,
                                          "`\(entry.key)` is not a JSON Schema keyword Gongkai knows"
                                            | "`\(entry.key)` 不是 Gongkai 支持的 JSON Schema 关键字",
                                          correction: Suggestion.correction(for: entry.key, in: JSONSchema.keywords)))
                continue
            }
            switch entry.key {
            case "properties", "$defs":
                for property in entry.value.entries ?? [] { diagnostics += check(property.value, depth: depth + 1) }
            case "items", "additionalProperties":
                diagnostics += check(entry.value, depth: depth + 1)
            default:
                break
            }
        }
        return diagnostics
    }
}
