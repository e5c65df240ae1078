import GongkaiBase
import GongkaiSyntax

/// A JSON Schema (2020-12 subset) written in YAML, as `schema.yaml` gives it for front matter, `org.yaml` and
/// `portal.yaml`. Kept as the YAML node it was read from, so a mistake in the schema itself can be located too.
package struct JSONSchema: Sendable {
    package let node: YAMLNode
    /// `$defs` of the root schema, for `$ref: "#/$defs/NAME"`.
    package let definitions: [String: YAMLNode]

    package init(_ node: YAMLNode) {
        self.node = node
        var definitions: [String: YAMLNode] = [:]
        for entry in node["$defs"]?.entries ?? [] { definitions[entry.key] = entry.value }
        self.definitions = definitions
    }

    /// The keywords this subset understands; any other key in a schema is a mistake in schema.yaml.
    package static let keywords: Set<String> = [
        "type", "required", "properties", "additionalProperties", "enum", "const", "pattern", "minimum", "maximum",
        "minLength", "maxLength", "format", "items", "minItems", "maxItems", "$defs", "$ref", "description", "title",
        "x-within-report-year",
    ]
}
