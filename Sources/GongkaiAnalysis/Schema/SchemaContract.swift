import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// What Gongkai reads of front matter, `org.yaml` and `portal.yaml`, and as what. The portal's schemas decide which
/// fields there are and which are required; this checks, once, at schema.yaml, that they give every field Gongkai
/// reads the type it reads it as and require those it cannot do without. The readers can then take the validated
/// values as they are, and no field is checked twice.
package enum SchemaContract {
    package indirect enum Kind: Sendable {
        case string, integer, date, boolean
        /// A date that may be given by its year or month only, as the schema's `format:` allows.
        case partialDate
        /// A list of text (`title_lines:`).
        case textList
        /// Text limited to some of these values (an `enum`).
        case oneOf([String])
        /// A mapping whose every value is a mapping of these fields (`documents:`).
        case mappingsOf([Field])
    }

    package struct Field: Sendable {
        package let name: String
        package let kind: Kind
        package let required: Bool

        init(_ name: String, _ kind: Kind, required: Bool = false) {
            self.name = name
            self.kind = kind
            self.required = required
        }
    }

    package static let frontMatter: [Field] = [
        Field("org", .string, required: true), Field("year", .integer, required: true), Field("title", .string, required: true),
        Field("published", .date, required: true), Field("status", .oneOf(["published", "draft"])), Field("index_no", .string),
        Field("doc_number", .string), Field("written", .date), Field("addressee", .string), Field("title_lines", .textList),
        Field("documents", .mappingsOf([Field("title", .string, required: true), Field("issued", .partialDate), Field("effective", .partialDate),
                                        Field("number", .string), Field("kind", .string), Field("issuer", .string)])),
    ]

    package static let org: [Field] = [
        Field("name", .string, required: true), Field("short_name", .string), Field("parent", .string), Field("code", .string),
        Field("order", .integer),
    ]

    package static let portal: [Field] = [
        Field("name", .string, required: true), Field("base_url", .string, required: true), Field("sponsor", .string, required: true),
        Field("site_code", .string, required: true), Field("icp_record", .string, required: true),
        Field("police_record", .string, required: true), Field("language", .string), Field("description", .string),
        Field("contact", .string), Field("raw_html", .boolean), Field("search", .boolean), Field("data_licence", .string),
    ]

    /// Reports each field of `fields` the schema does not give as Gongkai reads it.
    package static func check(_ schema: JSONSchema, _ fields: [Field], what: String, into diagnostics: inout [Diagnostic]) {
        check(schema, rule: schema.root, fields, path: what, into: &diagnostics)
    }

    private static func check(_ schema: JSONSchema, rule index: Int, _ fields: [Field], path: String, into diagnostics: inout [Diagnostic]) {
        let rule = schema[index]
        let location = rule.location ?? schema.location
        let unrequired = fields.filter { $0.required && !rule.required.contains($0.name) }.map(\.name)
        if !unrequired.isEmpty {
            let list = unrequired.map { "`\($0)`" }
            diagnostics.append(.error("schema.contract", at: location,
                                      "Gongkai cannot do without \(list.joined(separator: ", ")) of `\(path)`: list \(unrequired.count == 1 ? "it" : "them") under `required`"
                                        | "Gongkai 必须读取 `\(path)` 的 \(list.joined(separator: "、"))：请列入 `required`",
                                      hint: "required: [\(rule.required.filter { !unrequired.contains($0) }.joined(separator: ", "))\(rule.required.isEmpty ? "" : ", ")\(unrequired.joined(separator: ", "))]"
                                        | "required: [\(rule.required.filter { !unrequired.contains($0) }.joined(separator: ", "))\(rule.required.isEmpty ? "" : ", ")\(unrequired.joined(separator: ", "))]"))
        }
        for field in fields {
            let name = "\(path).\(field.name)"
            let governing: Int?
            if let property = rule.property(field.name) {
                governing = property
            } else if case .rule(let additional) = rule.additional {
                governing = additional
            } else if case .forbidden = rule.additional {
                // The field can never be given: Gongkai reads it as absent.
                continue
            } else {
                governing = nil
            }
            guard let governing else {
                diagnostics.append(.error("schema.contract", at: location,
                                          "`\(name)` is read by Gongkai as \(describe(field.kind).en): declare it under `properties`, or forbid undeclared fields with `additionalProperties: false`"
                                            | "Gongkai 把 `\(name)` 读作\(describe(field.kind).zh)：请在 `properties` 中声明它，或用 `additionalProperties: false` 禁止未声明的字段"))
                continue
            }
            check(schema, rule: governing, field, path: name, into: &diagnostics)
        }
    }

    private static func check(_ schema: JSONSchema, rule index: Int, _ field: Field, path: String, into diagnostics: inout [Diagnostic]) {
        let rule = schema[index]
        let matches: Bool
        switch field.kind {
        case .string: matches = rule.type == "string" || (rule.type == nil && rule.allowed != nil)
        case .integer: matches = rule.type == "integer"
        case .date: matches = rule.type == "string" && rule.datePrecisions == [.day]
        case .partialDate: matches = rule.type == "string" && rule.isDate
        case .textList: matches = rule.type == "array" && rule.items.map { schema[$0].type == "string" } == true
        case .boolean: matches = rule.type == "boolean"
        case .oneOf(let values): matches = rule.allowed.map { Set($0).isSubset(of: values) } ?? false
        case .mappingsOf(let fields):
            guard rule.type == "object", case .rule(let entries) = rule.additional else {
                matches = false
                break
            }
            check(schema, rule: entries, fields, path: "\(path).KEY", into: &diagnostics)
            matches = true
        }
        guard !matches else { return }
        diagnostics.append(.error("schema.contract", at: rule.location ?? schema.location,
                                  "Gongkai reads `\(path)` as \(describe(field.kind).en); the schema must say so"
                                    | "Gongkai 把 `\(path)` 读作\(describe(field.kind).zh)，结构定义须与之一致",
                                  hint: example(field.kind)))
    }

    private static func describe(_ kind: Kind) -> Message {
        switch kind {
        case .string: return "text" | "文本"
        case .integer: return "a whole number" | "整数"
        case .date: return "a date" | "日期"
        case .partialDate: return "a date, or a year or month" | "日期（或年份、年月）"
        case .textList: return "a list of text" | "文本列表"
        case .boolean: return "true or false" | "true 或 false"
        case .oneOf(let values): return "one of \(values.joined(separator: ", "))" | "\(values.joined(separator: "、"))之一"
        case .mappingsOf: return "a mapping of mappings" | "由映射组成的映射"
        }
    }

    private static func example(_ kind: Kind) -> Message {
        switch kind {
        case .string: return "write {type: string}" | "写作 {type: string}"
        case .integer: return "write {type: integer}" | "写作 {type: integer}"
        case .date: return "write {type: string, format: date}" | "写作 {type: string, format: date}"
        case .textList: return "write {type: array, items: {type: string}}" | "写作 {type: array, items: {type: string}}"
        case .partialDate: return "write {type: string, format: date} (or year, year-month, partial-date)"
            | "写作 {type: string, format: date}（或 year、year-month、partial-date）"
        case .boolean: return "write {type: boolean}" | "写作 {type: boolean}"
        case .oneOf(let values): return "write {enum: [\(values.joined(separator: ", "))]} or fewer of them"
            | "写作 {enum: [\(values.joined(separator: ", "))]}，或其中几项"
        case .mappingsOf: return "write {type: object, additionalProperties: {type: object, …}}"
            | "写作 {type: object, additionalProperties: {type: object, …}}"
        }
    }
}
