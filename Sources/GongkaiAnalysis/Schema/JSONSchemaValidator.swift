import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks a YAML value against a `JSONSchema`, reading scalars as the schema types them: `no`, `on`, `0123`
/// and `2023-07-12` are whatever the schema says they are, never YAML 1.1's guess.
package struct JSONSchemaValidator {
    package let schema: JSONSchema
    /// How the document is named in messages ("the front matter").
    package let what: Message
    /// The report's year, for `x-within-report-year`.
    package var reportYear: Int?
    private(set) var diagnostics: [Diagnostic] = []
    private static let maximumReferenceDepth = 32

    package init(schema: JSONSchema, what: Message, reportYear: Int? = nil) {
        self.schema = schema
        self.what = what
        self.reportYear = reportYear
    }

    package mutating func validate(_ value: YAMLNode) {
        validate(value, against: schema.node, path: "", depth: 0)
    }

    private mutating func fail(_ id: String, _ node: YAMLNode, _ message: Message, hint: Message? = nil, correction: Correction? = nil) {
        diagnostics.append(.error(id, at: node.location, message, hint: hint, correction: correction))
    }

    private func resolve(_ schemaNode: YAMLNode) -> YAMLNode? {
        guard let reference = schemaNode["$ref"]?.string else { return schemaNode }
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        return schema.definitions[String(reference.dropFirst(prefix.count))]
    }

    private mutating func validate(_ value: YAMLNode, against rawSchema: YAMLNode, path: String, depth: Int) {
        guard depth < Self.maximumReferenceDepth, let schemaNode = resolve(rawSchema) else { return }
        if case .scalar(let flag, _) = schemaNode, flag == "false" {
            fail("schema.not-allowed", value, "`\(path)` is not allowed here" | "此处不允许 `\(path)`")
            return
        }
        let name = path.isEmpty ? what : "`\(path)`" | "`\(path)` "

        if let allowed = schemaNode["enum"]?.items?.compactMap(\.string) {
            if let text = value.string, !allowed.contains(text) {
                fail("schema.enum", value, "\(name.en) must be one of \(allowed.joined(separator: ", ")); found `\(text)`"
                     | "\(name.zh)只能是 \(allowed.joined(separator: "、")) 之一，此处为 `\(text)`",
                     correction: Suggestion.correction(for: text, in: allowed))
                return
            }
        }
        if let constant = schemaNode["const"]?.string, value.string != constant {
            fail("schema.const", value, "\(name.en) must be `\(constant)`" | "\(name.zh)必须是 `\(constant)`")
        }
        if let type = schemaNode["type"]?.string, !checkType(type, of: value, name: name) { return }

        switch value {
        case .scalar(let text, _):
            checkScalar(text, value, schemaNode, name: name)
        case .mapping(let entries, _):
            checkMapping(entries, value, schemaNode, path: path, depth: depth)
        case .sequence(let items, _):
            if let minimum = schemaNode["minItems"]?.string.flatMap(Int.init), items.count < minimum {
                fail("schema.min-items", value, "\(name.en) needs at least \(minimum) item\(minimum == 1 ? "" : "s")" | "\(name.zh)至少需要 \(minimum) 项")
            }
            if let maximum = schemaNode["maxItems"]?.string.flatMap(Int.init), items.count > maximum {
                fail("schema.max-items", value, "\(name.en) may have at most \(maximum) items" | "\(name.zh)最多 \(maximum) 项")
            }
            if let itemSchema = schemaNode["items"] {
                for (index, item) in items.enumerated() {
                    validate(item, against: itemSchema, path: "\(path)[\(index)]", depth: depth + 1)
                }
            }
        case .null:
            break
        }
    }

    /// Whether `value` can be read as `type`; reports it when not.
    private mutating func checkType(_ type: String, of value: YAMLNode, name: Message) -> Bool {
        let matches: Bool
        switch (type, value) {
        case ("string", .scalar): matches = true
        case ("integer", .scalar(let text, _)): matches = Int(text) != nil
        case ("number", .scalar(let text, _)): matches = Double(text) != nil
        case ("boolean", .scalar(let text, _)): matches = text == "true" || text == "false"
        case ("object", .mapping), ("array", .sequence), ("null", .null): matches = true
        default: matches = false
        }
        if !matches {
            let expected: Message = [
                "string": "text" | "文本", "integer": "a whole number" | "整数", "number": "a number" | "数字",
                "boolean": "true or false" | "true 或 false", "object": "a mapping" | "键值映射", "array": "a list" | "列表",
                "null": "nothing" | "空值",
            ][type] ?? (type | type)
            let found = value.string.map { "`\($0)`" | "`\($0)`" } ?? value.kindName
            let hint = type == "boolean" && ["yes", "no", "on", "off", "y", "n"].contains(value.string?.lowercased() ?? "")
                ? "write true or false" | "请写 true 或 false" : nil
            if case .null = value {
                fail("schema.type", value, "\(name.en) is empty; it must be \(expected.en)" | "\(name.zh)为空，应为\(expected.zh)")
            } else {
                fail("schema.type", value, "\(name.en) must be \(expected.en), found \(found.en)" | "\(name.zh)应为\(expected.zh)，此处为\(found.zh)",
                     hint: hint)
            }
        }
        return matches
    }

    private mutating func checkScalar(_ text: String, _ value: YAMLNode, _ schemaNode: YAMLNode, name: Message) {
        if let pattern = schemaNode["pattern"]?.string {
            if let regex = try? Regex(pattern) {
                if (try? regex.firstMatch(in: text)) == nil {
                    fail("schema.pattern", value, "\(name.en) `\(text)` does not have the required form (\(pattern))"
                         | "\(name.zh) `\(text)` 的格式不符合要求（\(pattern)）")
                }
            } else if let location = schemaNode["pattern"]?.location {
                diagnostics.append(.error("schema.invalid-pattern", at: location,
                                          "this pattern is not a valid regular expression" | "此 pattern 不是有效的正则表达式"))
            }
        }
        if let minimum = schemaNode["minLength"]?.string.flatMap(Int.init), text.count < minimum {
            fail("schema.min-length", value, "\(name.en) must have at least \(minimum) characters" | "\(name.zh)至少需要 \(minimum) 个字")
        }
        if let maximum = schemaNode["maxLength"]?.string.flatMap(Int.init), text.count > maximum {
            fail("schema.max-length", value, "\(name.en) may have at most \(maximum) characters" | "\(name.zh)最多 \(maximum) 个字")
        }
        if let number = Double(text) {
            if let minimum = schemaNode["minimum"]?.string.flatMap(Double.init), number < minimum {
                fail("schema.minimum", value, "\(name.en) must be at least \(minimum.formatted); found \(text)"
                     | "\(name.zh)不能小于 \(minimum.formatted)，此处为 \(text)")
            }
            if let maximum = schemaNode["maximum"]?.string.flatMap(Double.init), number > maximum {
                fail("schema.maximum", value, "\(name.en) must be at most \(maximum.formatted); found \(text)"
                     | "\(name.zh)不能大于 \(maximum.formatted)，此处为 \(text)")
            }
        }
        if schemaNode["format"]?.string == "date" {
            guard let date = SimpleDate(iso: text) else {
                fail("schema.date", value, "\(name.en) must be a date that exists, written YYYY-MM-DD; found `\(text)`"
                     | "\(name.zh)必须是真实存在的日期，格式为 YYYY-MM-DD，此处为 `\(text)`",
                     hint: "for example 2023-07-12" | "例如 2023-07-12")
                return
            }
            if schemaNode["x-within-report-year"]?.string == "true", let reportYear, date.year != reportYear {
                fail("schema.date-outside-year", value, "\(name.en) \(date) is not in the report's year \(reportYear)"
                     | "\(name.zh) \(date) 不在报告年度 \(reportYear) 年内")
            }
        }
    }

    private mutating func checkMapping(_ entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)], _ value: YAMLNode,
                                       _ schemaNode: YAMLNode, path: String, depth: Int) {
        let properties = schemaNode["properties"]?.entries ?? []
        let known = properties.map(\.key)
        for required in schemaNode["required"]?.items?.compactMap(\.string) ?? [] where value[required] == nil || value[required]!.isNull {
            let owner = path.isEmpty ? what : "`\(path)`" | "`\(path)` "
            fail("schema.missing-field", value, "\(owner.en) lacks the required field `\(required)`" | "\(owner.zh)缺少必填字段 `\(required)`",
                 hint: "add a line `\(required): …`" | "添加一行 `\(required): …`")
        }
        let additional = schemaNode["additionalProperties"]
        for entry in entries {
            let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            if let propertySchema = properties.first(where: { $0.key == entry.key })?.value {
                validate(entry.value, against: propertySchema, path: childPath, depth: depth + 1)
            } else if let additional, additional.string == "false" {
                let owner = path.isEmpty ? what : "`\(path)`" | "`\(path)` "
                diagnostics.append(.error("schema.unknown-key", at: entry.keyLocation,
                                          "unknown field `\(entry.key)` in \(owner.en)" | "\(owner.zh)中有未知字段 `\(entry.key)`",
                                          correction: Suggestion.correction(for: entry.key, in: known)))
            } else if let additional, additional.entries != nil {
                validate(entry.value, against: additional, path: childPath, depth: depth + 1)
            }
        }
    }
}
