/// A department (`Content/orgs/<slug>/org.yaml`).
public struct Org: Sendable {
    /// The folder name, used in URLs: `hs-gdb`.
    public let slug: String
    /// 黄石市国防动员办公室
    public let name: String
    /// 黄石市国动办
    public let shortName: String
    /// The body it reports to (本级党委和政府).
    public let parent: String?
    /// 统一社会信用代码 or another official code.
    public let code: String?

    /// Reads `org.yaml` after checking it against the org schema.
    static func read(_ node: YAMLNode, slug: String, schema: JSONSchema, into diagnostics: inout [Diagnostic]) -> Org? {
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
