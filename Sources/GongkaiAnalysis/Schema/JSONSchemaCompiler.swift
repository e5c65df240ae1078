import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Compiles a schema written in YAML into `JSONSchema` rules, once per build: a pattern that is not a regular
/// expression and a `$ref` to no definition are reported here, at their place in schema.yaml, not at every value.
package struct JSONSchemaCompiler {
    private var rules: [JSONSchema.Rule] = []
    private var definitions: [String: YAMLNode] = [:]
    /// Definitions compiled so far, by name: a reference compiles its definition once, and a definition that refers
    /// to itself finds its own index.
    private var compiledDefinitions: [String: Int] = [:]
    private var diagnostics: [Diagnostic] = []
    private static let maximumDepth = 64

    package static func compile(_ node: YAMLNode, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> JSONSchema {
        var compiler = JSONSchemaCompiler()
        for entry in node["$defs"]?.entries ?? [] { compiler.definitions[entry.key] = entry.value }
        let root = compiler.compile(node, depth: 0)
        diagnostics += compiler.diagnostics
        return JSONSchema(rules: compiler.rules, root: root, location: location)
    }

    private mutating func compile(_ node: YAMLNode, depth: Int) -> Int {
        let index = rules.count
        var placeholder = JSONSchema.Rule()
        placeholder.location = node.location
        rules.append(placeholder)
        guard depth < Self.maximumDepth else { return index }
        if case .scalar(let flag, _) = node, flag == "false" {
            rules[index].rejectsEverything = true
            return index
        }
        if let reference = node["$ref"] {
            let prefix = "#/$defs/"
            let name = reference.string.flatMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
            guard let name, let definition = definitions[name] else {
                diagnostics.append(.error("schema.invalid-reference", at: reference.location,
                                          "`$ref` must name a definition of this schema's `$defs`, as #/$defs/NAME"
                                            | "`$ref` 必须指向本结构 `$defs` 中的定义，写作 #/$defs/名称",
                                          correction: reference.string.flatMap {
                                              Suggestion.correction(for: String($0.dropFirst(prefix.count)), in: definitions.keys)
                                          }))
                return index
            }
            if let compiled = compiledDefinitions[name] { return compiled }
            compiledDefinitions[name] = index
            rules.removeLast()
            let compiled = compile(definition, depth: depth + 1)
            compiledDefinitions[name] = compiled
            return compiled
        }
        var rule = JSONSchema.Rule()
        rule.location = node.location
        rule.type = node["type"]?.string
        rule.allowed = node["enum"]?.items?.compactMap(\.string)
        rule.constant = node["const"]?.string
        if let pattern = node["pattern"], let source = pattern.string {
            if let regex = try? NSRegularExpression(pattern: source) {
                rule.pattern = JSONSchema.Pattern(source: source, regex: regex)
            } else {
                diagnostics.append(.error("schema.invalid-pattern", at: pattern.location,
                                          "this pattern is not a valid regular expression" | "此 pattern 不是有效的正则表达式"))
            }
        }
        rule.minLength = node["minLength"]?.string.flatMap(Int.init)
        rule.maxLength = node["maxLength"]?.string.flatMap(Int.init)
        rule.minimum = node["minimum"]?.string.flatMap(Double.init)
        rule.maximum = node["maximum"]?.string.flatMap(Double.init)
        if let format = node["format"], let name = format.string {
            rule.datePrecisions = JSONSchema.dateFormats[name]
            if rule.datePrecisions == nil {
                // Read as a date meanwhile: a mistyped `format: dat` is one mistake, not also a contract's.
                rule.datePrecisions = [.day]
                diagnostics.append(.error("schema.unknown-format", at: format.location,
                                          "`format: \(name)` is not a format Gongkai knows" | "Gongkai 不认识 `format: \(name)`",
                                          hint: "formats: date (2023-07-12), year-month (2023-07), year (2023), partial-date (any of them)"
                                            | "可用格式：date（2023-07-12）、year-month（2023-07）、year（2023）、partial-date（三者皆可）",
                                          correction: Suggestion.correction(for: name, in: JSONSchema.dateFormats.keys)))
            }
        }
        rule.withinReportYear = node["x-within-report-year"]?.string == "true"
        rule.required = node["required"]?.items?.compactMap(\.string) ?? []
        rule.minItems = node["minItems"]?.string.flatMap(Int.init)
        rule.maxItems = node["maxItems"]?.string.flatMap(Int.init)
        for property in node["properties"]?.entries ?? [] {
            rule.properties.append((property.key, compile(property.value, depth: depth + 1)))
        }
        if let additional = node["additionalProperties"] {
            if additional.string == "false" {
                rule.additional = .forbidden
            } else if additional.entries != nil {
                rule.additional = .rule(compile(additional, depth: depth + 1))
            }
        }
        if let items = node["items"] { rule.items = compile(items, depth: depth + 1) }
        rules[index] = rule
        return index
    }
}
