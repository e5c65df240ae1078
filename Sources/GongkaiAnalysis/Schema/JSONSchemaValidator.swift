import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks a YAML value against a compiled `JSONSchema`, reading scalars as the schema types them: `no`, `on`,
/// `0123` and `2023-07-12` are whatever the schema says they are, never YAML 1.1's guess. What passes is read from
/// `ValidatedFields`: one validation, and the readers never check again.
package struct JSONSchemaValidator {
    package let schema: JSONSchema
    /// How the document is named in messages ("the front matter").
    package let what: Message
    /// The report's year, for `x-within-report-year`.
    package var reportYear: Int?
    private(set) var diagnostics: [Diagnostic] = []
    /// The paths (`documents.rules.title`) of values with a mistake: the readers take them as absent.
    private var failedPaths = Set<String>()
    private static let maximumDepth = 64

    package init(schema: JSONSchema, what: Message, reportYear: Int? = nil) {
        self.schema = schema
        self.what = what
        self.reportYear = reportYear
    }

    /// Validates the mapping and gives its fields as the schema has checked them.
    package mutating func validate(_ value: YAMLNode) -> ValidatedFields {
        validate(value, rule: schema.root)
    }

    /// Validates the value against one rule of the schema (`documents:` of the front matter, for documents.yaml).
    package mutating func validate(_ value: YAMLNode, rule: Int) -> ValidatedFields {
        validate(value, against: rule, path: "", depth: 0)
        return ValidatedFields(node: value, path: "", failedPaths: failedPaths, schema: schema, rule: rule)
    }

    private mutating func fail(_ id: String, _ node: YAMLNode, _ message: Message, hint: Message? = nil, correction: Correction? = nil,
                               path: String) {
        diagnostics.append(.error(id, at: node.location, message, hint: hint, correction: correction))
        failedPaths.insert(path)
    }

    private mutating func validate(_ value: YAMLNode, against index: Int, path: String, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        let rule = schema[index]
        if rule.rejectsEverything {
            fail("schema.not-allowed", value, "`\(path)` is not allowed here" | "此处不允许 `\(path)`", path: path)
            return
        }
        let name = path.isEmpty ? what : "`\(path)`" | "`\(path)` "

        if let allowed = rule.allowed {
            if let text = value.string, !allowed.contains(text) {
                fail("schema.enum", value, "\(name.en) must be one of \(allowed.joined(separator: ", ")); found `\(text)`"
                     | "\(name.zh)只能是 \(allowed.joined(separator: "、")) 之一，此处为 `\(text)`",
                     correction: Suggestion.correction(for: text, in: allowed), path: path)
                return
            }
        }
        if let constant = rule.constant, value.string != constant {
            fail("schema.const", value, "\(name.en) must be `\(constant)`" | "\(name.zh)必须是 `\(constant)`", path: path)
        }
        if let type = rule.type, !checkType(type, of: value, name: name, path: path) { return }

        switch value {
        case .scalar(let text, _):
            checkScalar(text, value, rule, name: name, path: path)
        case .mapping(let entries, _):
            checkMapping(entries, value, rule, path: path, depth: depth)
        case .sequence(let items, _):
            if let minimum = rule.minItems, items.count < minimum {
                fail("schema.min-items", value, "\(name.en) needs at least \(minimum) item\(minimum == 1 ? "" : "s")" | "\(name.zh)至少需要 \(minimum) 项",
                     path: path)
            }
            if let maximum = rule.maxItems, items.count > maximum {
                fail("schema.max-items", value, "\(name.en) may have at most \(maximum) items" | "\(name.zh)最多 \(maximum) 项", path: path)
            }
            if let itemRule = rule.items {
                for (index, item) in items.enumerated() {
                    validate(item, against: itemRule, path: "\(path)[\(index)]", depth: depth + 1)
                }
            }
        case .null:
            break
        }
    }

    /// Whether `value` can be read as `type`; reports it when not.
    private mutating func checkType(_ type: String, of value: YAMLNode, name: Message, path: String) -> Bool {
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
                fail("schema.type", value, "\(name.en) is empty; it must be \(expected.en)" | "\(name.zh)为空，应为\(expected.zh)", path: path)
            } else {
                fail("schema.type", value, "\(name.en) must be \(expected.en), found \(found.en)" | "\(name.zh)应为\(expected.zh)，此处为\(found.zh)",
                     hint: hint, path: path)
            }
        }
        return matches
    }

    private mutating func checkScalar(_ text: String, _ value: YAMLNode, _ rule: JSONSchema.Rule, name: Message, path: String) {
        if let pattern = rule.pattern, !pattern.matches(text) {
            fail("schema.pattern", value, "\(name.en) `\(text)` does not have the required form (\(pattern.source))"
                 | "\(name.zh) `\(text)` 的格式不符合要求（\(pattern.source)）", path: path)
        }
        if let minimum = rule.minLength, text.count < minimum {
            fail("schema.min-length", value, "\(name.en) must have at least \(minimum) characters" | "\(name.zh)至少需要 \(minimum) 个字", path: path)
        }
        if let maximum = rule.maxLength, text.count > maximum {
            fail("schema.max-length", value, "\(name.en) may have at most \(maximum) characters" | "\(name.zh)最多 \(maximum) 个字", path: path)
        }
        if let number = Double(text) {
            if let minimum = rule.minimum, number < minimum {
                fail("schema.minimum", value, "\(name.en) must be at least \(minimum.formatted); found \(text)"
                     | "\(name.zh)不能小于 \(minimum.formatted)，此处为 \(text)", path: path)
            }
            if let maximum = rule.maximum, number > maximum {
                fail("schema.maximum", value, "\(name.en) must be at most \(maximum.formatted); found \(text)"
                     | "\(name.zh)不能大于 \(maximum.formatted)，此处为 \(text)", path: path)
            }
        }
        if let precisions = rule.datePrecisions {
            guard let date = SimpleDate(partial: text, allowing: precisions) else {
                let forms = [SimpleDate.Precision.day, .month, .year].filter(precisions.contains)
                let written = forms.map { ["day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"][$0.rawValue]! }
                let examples = forms.map { ["day": "2023-07-12", "month": "2023-07", "year": "2023"][$0.rawValue]! }
                let what: Message = forms == [.day] ? "a date that exists" | "真实存在的日期"
                    : forms == [.year] ? "a year" | "年份" : forms == [.month] ? "a month" | "年月" : "a date, a month or a year" | "日期、年月或年份"
                fail("schema.date", value, "\(name.en) must be \(what.en), written \(written.joined(separator: " or ")); found `\(text)`"
                     | "\(name.zh)必须是\(what.zh)，格式为 \(written.joined(separator: " 或 "))，此处为 `\(text)`",
                     hint: "for example \(examples.joined(separator: ", "))" | "例如 \(examples.joined(separator: "、"))", path: path)
                return
            }
            if rule.withinReportYear, let reportYear, date.year != reportYear {
                fail("schema.date-outside-year", value, "\(name.en) \(date) is not in the report's year \(reportYear)"
                     | "\(name.zh) \(date) 不在报告年度 \(reportYear) 年内", path: path)
            }
        }
    }

    private mutating func checkMapping(_ entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)], _ value: YAMLNode,
                                       _ rule: JSONSchema.Rule, path: String, depth: Int) {
        let owner = path.isEmpty ? what : "`\(path)`" | "`\(path)` "
        for required in rule.required where value[required] == nil || value[required]!.isNull {
            fail("schema.missing-field", value, "\(owner.en) lacks the required field `\(required)`" | "\(owner.zh)缺少必填字段 `\(required)`",
                 hint: "add a line `\(required): …`" | "添加一行 `\(required): …`", path: path.isEmpty ? required : "\(path).\(required)")
        }
        for entry in entries {
            let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            if let property = rule.property(entry.key) {
                validate(entry.value, against: property, path: childPath, depth: depth + 1)
                continue
            }
            switch rule.additional {
            case .allowed:
                break
            case .forbidden:
                // The nearest field, and where a new one is declared: the schema is the model, and can be widened.
                let place = rule.location.map { $0.file.hasPrefix("(built-in") ? nil : "\($0.file):\($0.line)" } ?? nil
                let declare = place.map { "declare it under `properties:` of the schema at \($0)" | "请在 \($0) 处结构定义的 `properties:` 下声明" }
                    ?? ("give this file's own schema in schema.yaml and declare it there" | "请在 schema.yaml 中为此文件给出结构定义并在其中声明")
                let nearest = Suggestion.correction(for: entry.key, in: rule.properties.map(\.key))
                diagnostics.append(.error("schema.unknown-key", at: entry.keyLocation,
                                          "unknown field `\(entry.key)` in \(owner.en)" | "\(owner.zh)中有未知字段 `\(entry.key)`",
                                          hint: ("to add a new field, " + declare.en) | ("如需新增字段，" + declare.zh),
                                          correction: nearest.map {
                                              Correction(hint: ($0.hint.en + " To add a new field instead, " + declare.en) | ($0.hint.zh + "如需新增字段，" + declare.zh),
                                                         fixIt: $0.fixIt)
                                          }))
                failedPaths.insert(childPath)
            case .rule(let additional):
                validate(entry.value, against: additional, path: childPath, depth: depth + 1)
            }
        }
    }
}

/// A mapping's fields as its schema checked them. A value with a mistake reads as absent (its diagnostic says why),
/// so a reader never reports a field again; the types a reader takes a field in are those the schema contract
/// (`SchemaContract`) makes every schema give it.
package struct ValidatedFields {
    package let node: YAMLNode
    /// Where the mapping stands in the document: `` for the top, `documents.rules` for a document.
    let path: String
    let failedPaths: Set<String>
    /// The schema and the rule of this mapping in it, which types its fields.
    let schema: JSONSchema
    let rule: Int

    private func value(_ key: String) -> YAMLNode? {
        let path = self.path.isEmpty ? key : "\(self.path).\(key)"
        guard !failedPaths.contains(path), let value = node[key], !value.isNull else { return nil }
        return value
    }

    package func string(_ key: String) -> String? { value(key)?.string }

    package func integer(_ key: String) -> Int? { value(key)?.string.flatMap { Int($0) } }

    /// A date in any form the schema allows the field (`2023`, `2023-07`, `2023-07-12`): it has checked which.
    package func date(_ key: String) -> SimpleDate? { value(key)?.string.flatMap { SimpleDate(partial: $0) } }

    package func bool(_ key: String) -> Bool? { value(key)?.string.flatMap { ["true": true, "false": false][$0] } }

    /// A mapping of mappings (`documents:`), each with its own fields, in source order.
    package func mappings(_ key: String) -> [(key: String, fields: ValidatedFields)] {
        guard let node = value(key), let rule = ruleIndex(of: key) else { return [] }
        return ValidatedFields(node: node, path: self.path.isEmpty ? key : "\(self.path).\(key)", failedPaths: failedPaths, schema: schema,
                               rule: rule).entryMappings()
    }

    /// This mapping's own entries that are mappings, each with its fields (documents.yaml is such a mapping).
    package func entryMappings() -> [(key: String, fields: ValidatedFields)] {
        guard case .rule(let entryRule) = schema[rule].additional else { return [] }
        return (node.entries ?? []).compactMap { entry in
            let entryPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            guard !failedPaths.contains(entryPath), entry.value.entries != nil else { return nil }
            return (entry.key, ValidatedFields(node: entry.value, path: entryPath, failedPaths: failedPaths, schema: schema, rule: entryRule))
        }
    }

    private func ruleIndex(of key: String) -> Int? {
        let rule = schema[self.rule]
        if let property = rule.property(key) { return property }
        if case .rule(let additional) = rule.additional { return additional }
        return nil
    }

    /// Every field given of text, date, number, true-or-false or a list of text, as the schema types it; mappings
    /// (`documents:`) are read on their own.
    package func fieldList() -> FieldList {
        FieldList((node.entries ?? []).compactMap { entry -> FieldList.Entry? in
            guard let given = value(entry.key) else { return nil }
            let rule = ruleIndex(of: entry.key).map { schema[$0] }
            switch given {
            case .scalar(let text, _):
                if rule?.isDate == true, let date = SimpleDate(partial: text) { return FieldList.Entry(name: entry.key, value: .date(date)) }
                if rule?.type == "boolean" { return FieldList.Entry(name: entry.key, value: .flag(text == "true")) }
                return FieldList.Entry(name: entry.key, value: .text(text))
            case .sequence(let items, _):
                let texts = items.compactMap(\.string)
                return texts.count == items.count ? FieldList.Entry(name: entry.key, value: .list(texts)) : nil
            case .mapping, .null:
                return nil
            }
        })
    }
}
