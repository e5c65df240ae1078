import Foundation
import GongkaiModel
import GongkaiSyntax

/// `/data/schema.json`: schema.yaml's `front_matter` as the JSON Schema (2020-12) it is written as, for anyone who
/// checks or writes reports with their own tools. YAML scalars stay strings in Gongkai's reader, so the keyword a
/// value stands under decides its JSON type: bounds are numbers, `true`/`false` where a schema stands are booleans.
package enum SchemaJSON {
    package static func json(_ site: Site) -> Data {
        var json = JSONWriter()
        json.open()
        json.text("$schema", "https://json-schema.org/draft/2020-12/schema")
        json.text("$id", site.portal.baseURL + SiteLayout.schemaJSON)
        json.text("title", site.portal.name + " 报告前置信息")
        for entry in site.schema.frontMatterSource?.entries ?? [] where !["$schema", "$id", "title"].contains(entry.key) {
            member(entry.key, entry.value, into: &json)
        }
        json.close()
        return Data(json.bytes + [0x0A])
    }

    private static let numberKeywords: Set = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
                                              "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"]
    private static let schemaKeywords: Set = ["items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                                              "unevaluatedProperties", "unevaluatedItems"]
    private static let schemaMapKeywords: Set = ["properties", "patternProperties", "$defs", "definitions"]
    private static let schemaListKeywords: Set = ["allOf", "anyOf", "oneOf", "prefixItems"]
    private static let booleanKeywords: Set = ["uniqueItems", "x-within-report-year"]

    /// A keyword of a schema and its value.
    private static func member(_ key: String, _ value: YAMLNode, into json: inout JSONWriter) {
        if schemaKeywords.contains(key) {
            schema(key, value, into: &json)
        } else if schemaMapKeywords.contains(key), let entries = value.entries {
            json.open(key)
            for entry in entries { schema(entry.key, entry.value, into: &json) }
            json.close()
        } else if schemaListKeywords.contains(key), let items = value.items {
            json.open(key, array: true)
            for item in items { schema(nil, item, into: &json) }
            json.close(array: true)
        } else if numberKeywords.contains(key), let text = value.string, Double(text) != nil {
            json.number(key, text)
        } else if booleanKeywords.contains(key), let text = value.string, text == "true" || text == "false" {
            json.bool(key, text == "true")
        } else {
            plain(key, value, into: &json)
        }
    }

    /// A value where a schema stands: a mapping of keywords, or `true` / `false`.
    private static func schema(_ key: String?, _ value: YAMLNode, into json: inout JSONWriter) {
        if let entries = value.entries {
            json.open(key)
            for entry in entries { member(entry.key, entry.value, into: &json) }
            json.close()
        } else if let text = value.string, text == "true" || text == "false" {
            json.bool(key, text == "true")
        } else {
            plain(key, value, into: &json)
        }
    }

    /// Any other value as it is written: text as strings (`enum` values, patterns, formats).
    private static func plain(_ key: String?, _ value: YAMLNode, into json: inout JSONWriter) {
        switch value {
        case .scalar(let text, _):
            json.text(key, text)
        case .null:
            json.text(key, nil)
        case .sequence(let items, _):
            json.open(key, array: true)
            for item in items { plain(nil, item, into: &json) }
            json.close(array: true)
        case .mapping(let entries, _):
            json.open(key)
            for entry in entries { plain(entry.key, entry.value, into: &json) }
            json.close()
        }
    }
}
