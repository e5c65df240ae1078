import GongkaiBase
import GongkaiSyntax
import GongkaiModel

extension Org {
    /// Reads `org.yaml` after checking it against the org schema.
    package static func read(_ node: YAMLNode, slug: String, schema: JSONSchema, into diagnostics: inout [Diagnostic]) -> Org? {
        var validator = JSONSchemaValidator(schema: schema, what: "org.yaml" | "org.yaml ")
        validator.validate(node)
        diagnostics += validator.diagnostics
        var reader = FieldReader(node, what: "org.yaml" | "org.yaml ")
        let name = reader.string("name"), shortName = reader.optionalString("short_name")
        let parent = reader.optionalString("parent"), code = reader.optionalString("code")
        diagnostics += reader.diagnostics
        guard let name else { return nil }
        return Org(slug: slug, name: name, shortName: shortName ?? name, parent: parent, code: code)
    }
}
