import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Reads a report file: splits the front matter, reads its fields, parses the body and analyses it.
package struct ReportReader {
    package let schema: Schema
    /// Raw HTML in Markdown stays only when the portal allows it.
    package let allowsRawHTML: Bool

    package init(schema: Schema, allowsRawHTML: Bool) {
        self.schema = schema
        self.allowsRawHTML = allowsRawHTML
    }

    package static let frontMatterName: Message = "the front matter" | "前置信息"

    /// - Parameters:
    ///   - orgFolder: the folder the file is in, which must equal its `org`.
    ///   - fileYear: the year in the file name, which must equal its `year`.
    /// The report (its body's HTML still empty) and its analysed Markdown tree, from which the pipeline renders it.
    package func read(_ file: SourceFile, orgFolder: String, fileYear: Int, into diagnostics: inout [Diagnostic]) -> (report: Report, tree: MarkdownNode)? {
        guard let split = FrontMatterSplitter.split(file, into: &diagnostics),
              let yaml = YAMLReader.read(split.yaml, in: file, firstLine: split.yamlFirstLine, into: &diagnostics)
        else { return nil }

        // The schema decides what the front matter may hold; the reader then reads what Gongkai needs, and
        // reports again only what the schema let through (the two agree on ids, and duplicates are dropped).
        var validator = JSONSchemaValidator(schema: schema.frontMatter, what: Self.frontMatterName, reportYear: fileYear)
        validator.validate(yaml)
        diagnostics += validator.diagnostics
        var fields = FieldReader(yaml, what: ReportReader.frontMatterName)
        fields.requirePresent(["org", "year", "title", "published"])
        let org = fields.optionalString("org"), title = fields.optionalString("title")
        let year = yaml["year"] == nil ? nil : fields.integer("year")
        let statusText = fields.optionalString("status") ?? Report.Status.published.rawValue
        let indexNumber = fields.optionalString("index_no"), documentNumber = fields.optionalString("doc_number")
        let written = fields.optionalDate("written"), published = fields.optionalDate("published")
        let documentEntries = fields.optionalMapping("documents")
        diagnostics += fields.diagnostics

        let status = Report.Status(rawValue: statusText)
        if status == nil, let location = yaml["status"]?.location {
            diagnostics.append(.error("schema.enum", at: location, "`status` must be published or draft; found `\(statusText)`"
                                        | "`status` 只能是 published（已公开）或 draft（草稿），此处为 `\(statusText)`",
                                      correction: Suggestion.correction(for: statusText, in: ["published", "draft"])))
        }
        if let org, org != orgFolder, let location = yaml["org"]?.location {
            diagnostics.append(.error("report.org-mismatch", at: location,
                                      "`org: \(org)` does not match the folder `\(orgFolder)` the report is in"
                                        | "`org: \(org)` 与报告所在文件夹 `\(orgFolder)` 不一致",
                                      hint: "write `org: \(orgFolder)` or move the file" | "改为 `org: \(orgFolder)`，或移动文件"))
        }
        if let year, year != fileYear, let location = yaml["year"]?.location {
            diagnostics.append(.error("report.year-mismatch", at: location,
                                      "`year: \(year)` does not match the file name \(fileYear).md"
                                        | "`year: \(year)` 与文件名 \(fileYear).md 不一致",
                                      hint: "write `year: \(fileYear)` or rename the file" | "改为 `year: \(fileYear)`，或重命名文件"))
        }
        let documents = documentEntries.compactMap { readDocument($0.key, $0.value, into: &diagnostics) }

        var analyzer = ReportAnalyzer(file: file, bodyFirstLine: split.bodyFirstLine, schema: schema,
                                      documents: documents,
                                      declaredDocumentKeys: Set(documentEntries.map(\.key)), org: orgFolder, year: fileYear, allowsRawHTML: allowsRawHTML)
        var tree = MarkdownParser.parse(split.body)
        analyzer.analyze(&tree)
        diagnostics += analyzer.diagnostics

        guard let org, let year, let title, let status, let published else { return nil }
        return (Report(org: org, year: year, title: title, status: status, indexNumber: indexNumber,
                      documentNumber: documentNumber, written: written, published: published, documents: documents,
                      sourcePath: file.path, body: .empty, headings: analyzer.headings, figures: analyzer.figures,
                      mentions: analyzer.mentions, planItems: analyzer.planItems, planReferences: analyzer.planReferences), tree)
    }

    private func readDocument(_ key: String, _ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> DeclaredDocument? {
        var reader = FieldReader(node, what: "document `\(key)`" | "文件 `\(key)` ")
        reader.rejectUnknownKeys(DeclaredDocument.fields)
        let title = reader.string("title"), issued = reader.optionalDate("issued")
        let kind = reader.optionalString("kind"), issuer = reader.optionalString("issuer")
        diagnostics += reader.diagnostics
        guard let title else { return nil }
        return DeclaredDocument(key: key, title: title, issued: issued, kind: kind, issuer: issuer)
    }
}
