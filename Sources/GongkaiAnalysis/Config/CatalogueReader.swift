import GongkaiBase
import GongkaiModel
import GongkaiSyntax

extension DeclaredDocument {
    /// A declaration as its schema checked it: under `documents:` of a report or in documents.yaml.
    package static func read(key: String, _ fields: ValidatedFields, declaredAt: SourceLocation?) -> DeclaredDocument? {
        fields.string("title").map {
            DeclaredDocument(key: key, title: $0, issued: fields.date("issued"), effective: fields.date("effective"),
                             number: fields.string("number"), kind: fields.string("kind"), issuer: fields.string("issuer"),
                             fields: FieldList(fields.fieldList().entries.filter { $0.name != "title" }), declaredAt: declaredAt)
        }
    }
}

extension DocumentCatalogue {
    /// Reads documents.yaml: each entry is checked as a report's `documents:` entry is, by the same rule of the schema.
    package static func read(_ node: YAMLNode, schema: Schema, into diagnostics: inout [Diagnostic]) -> DocumentCatalogue {
        let frontMatter = schema.frontMatter
        guard let rule = frontMatter[frontMatter.root].property("documents") else { return .empty }
        var validator = JSONSchemaValidator(schema: frontMatter, what: "documents.yaml" | "documents.yaml ")
        let fields = validator.validate(node, rule: rule)
        diagnostics += validator.diagnostics
        let locations = Dictionary((node.entries ?? []).map { ($0.key, $0.keyLocation) }, uniquingKeysWith: { first, _ in first })
        let documents = fields.entryMappings().compactMap { key, document in
            DeclaredDocument.read(key: key, document, declaredAt: locations[key])
        }
        return DocumentCatalogue(documents: documents, keys: Set(locations.keys))
    }
}
