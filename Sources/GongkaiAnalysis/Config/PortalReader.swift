import GongkaiBase
import GongkaiSyntax
import GongkaiModel

extension Portal {
    /// Reads `portal.yaml` after checking it against the portal schema.
    package static func read(_ node: YAMLNode, schema: JSONSchema, into diagnostics: inout [Diagnostic]) -> Portal? {
        var validator = JSONSchemaValidator(schema: schema, what: "portal.yaml" | "portal.yaml ")
        let fields = validator.validate(node)
        diagnostics += validator.diagnostics
        let name = fields.string("name"), baseURL = fields.string("base_url")
        let sponsor = fields.string("sponsor"), siteCode = fields.string("site_code")
        let icp = fields.string("icp_record"), police = fields.string("police_record")
        let language = fields.string("language") ?? "zh-CN"
        let description = fields.string("description"), contact = fields.string("contact")
        let rawHTML = fields.bool("raw_html") ?? false
        // The default schema's pattern already says this; a portal schema of schema.yaml may not, and the sitemap and
        // feed need an absolute address either way.
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")), let location = node["base_url"]?.location {
            diagnostics.append(.error("portal.base-url", at: location, "`base_url` must be an absolute http(s) address" | "`base_url` 必须是完整的 http(s) 网址",
                                      hint: "for example https://fzbg.example.gov.cn/" | "例如 https://fzbg.example.gov.cn/"))
            return nil
        }
        guard let name, let baseURL, let sponsor, let siteCode, let icp, let police else { return nil }
        return Portal(name: name, baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/", language: language,
                      description: description, sponsor: sponsor, contact: contact, siteCode: siteCode,
                      icpRecord: icp, policeRecord: police, allowsRawHTML: rawHTML, dataLicence: fields.string("data_licence"),
                      hasSearch: fields.bool("search") ?? true)
    }
}
