import GongkaiBase
import GongkaiSyntax
import GongkaiModel

extension Org {
    /// Reads `org.yaml` after checking it against the org schema.
    package static func read(_ node: YAMLNode, slug: String, schema: JSONSchema, into diagnostics: inout [Diagnostic]) -> Org? {
        var validator = JSONSchemaValidator(schema: schema, what: "org.yaml" | "org.yaml ")
        let fields = validator.validate(node)
        diagnostics += validator.diagnostics
        let name = fields.string("name"), shortName = fields.string("short_name")
        let parent = fields.string("parent"), code = fields.string("code")
        guard let name else { return nil }
        return Org(slug: slug, name: name, shortName: shortName ?? name, parent: parent, code: code, order: fields.integer("order"))
    }
}
