import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Reads a report file: splits the front matter, reads its fields, parses the body and analyses it.
package struct ReportReader {
    package let schema: Schema
    /// Raw HTML in Markdown stays only when the portal allows it.
    package let allowsRawHTML: Bool
    /// The portal's documents.yaml, whose documents a report names without declaring them.
    package let catalogue: DocumentCatalogue

    package init(schema: Schema, allowsRawHTML: Bool, catalogue: DocumentCatalogue = .empty) {
        self.schema = schema
        self.allowsRawHTML = allowsRawHTML
        self.catalogue = catalogue
    }

    package static let frontMatterName: Message = "the front matter" | "前置信息"

    /// The report (its body's HTML still empty) and its analysed Markdown tree, from which the pipeline renders it.
    /// - Parameters:
    ///   - orgFolder: the folder the file is in, which must equal its `org`.
    ///   - fileYear: the year in the file name, which must equal its `year`.
    package func read(_ file: SourceFile, orgFolder: String, fileYear: Int, into diagnostics: inout [Diagnostic]) -> (report: Report, tree: MarkdownNode)? {
        guard let split = FrontMatterSplitter.split(file, into: &diagnostics),
              let yaml = YAMLReader.read(split.yaml, in: file, firstLine: split.yamlFirstLine, into: &diagnostics)
        else { return nil }

        // The schema decides what the front matter holds and checks it, once; what passed is read as it is.
        var validator = JSONSchemaValidator(schema: schema.frontMatter, what: Self.frontMatterName, reportYear: fileYear)
        let fields = validator.validate(yaml)
        diagnostics += validator.diagnostics
        let org = fields.string("org"), title = fields.string("title"), year = fields.integer("year")
        let status = fields.string("status").map { Report.Status(rawValue: $0) } ?? .published
        let indexNumber = fields.string("index_no"), documentNumber = fields.string("doc_number")
        let written = fields.date("written"), published = fields.date("published")
        checkDates(written: written, published: published, year: fileYear, yaml: yaml, into: &diagnostics)
        let frontMatter = fields.fieldList()
        if let title, let lines = frontMatter["title_lines"], case .list(let given) = lines, let location = yaml["title_lines"]?.location,
           Schema.Part.normalized(given.joined()) != Schema.Part.normalized(title) {
            diagnostics.append(.error("report.title-lines", at: location,
                                      "`title_lines` must be the title broken into lines, and gives `\(given.joined())`"
                                        | "`title_lines` 应为把标题分成的各行，此处连起来是 `\(given.joined())`",
                                      hint: "the title is `\(title)`: break it between words, as GB/T 9704 asks (回行时词意完整)"
                                        | "标题为 `\(title)`：请在词与词之间分行（GB/T 9704：回行时词意完整）"))
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
        let declared = Dictionary((yaml["documents"]?.entries ?? []).map { ($0.key, $0.keyLocation) }, uniquingKeysWith: { first, _ in first })
        let documents = fields.mappings("documents").compactMap { key, document in
            DeclaredDocument.read(key: key, document, declaredAt: declared[key])
        }

        var analyzer = ReportAnalyzer(file: file, bodyFirstLine: split.bodyFirstLine, schema: schema,
                                      documents: documents, catalogue: catalogue,
                                      declaredDocumentKeys: Set((yaml["documents"]?.entries ?? []).map(\.key)), org: orgFolder, year: fileYear, allowsRawHTML: allowsRawHTML)
        var tree = MarkdownParser.parse(split.body)
        analyzer.analyze(&tree)
        diagnostics += analyzer.diagnostics

        guard let org, let year, let title, let status, let published else { return nil }
        return (Report(org: org, year: year, title: title, status: status, indexNumber: indexNumber,
                      documentNumber: documentNumber, written: written, published: published,
                      // Its own declarations, then the catalogue's documents it names, in the order it first names them.
                      documents: documents + analyzer.catalogueDocuments,
                      frontMatter: frontMatter, sourcePath: file.path, body: .empty, headings: analyzer.headings, leadText: analyzer.leadText, figures: analyzer.figures,
                      mentions: analyzer.mentions, planItems: analyzer.planItems, planReferences: analyzer.planReferences,
                      pageReferences: analyzer.pageReferences), tree)
    }

    /// A report is written before it is published, and published by the deadline the schema gives.
    private func checkDates(written: SimpleDate?, published: SimpleDate?, year: Int, yaml: YAMLNode, into diagnostics: inout [Diagnostic]) {
        if let written, let published, written > published, let location = yaml["written"]?.location {
            diagnostics.append(.error("report.written-after-published", at: location,
                                      "the report is dated \(written) (`written`), after it was published on \(published)"
                                        | "成文日期 \(written.chinese) 晚于公开日期 \(published.chinese)",
                                      hint: "`written` is the date the report was signed off, `published` the date it went public"
                                        | "`written` 是成文（签发）日期，`published` 是公开日期"))
        }
        if let published, let location = yaml["published"]?.location, let due = schema.due(forYear: year), published >= due {
            diagnostics.append(.warning("report.late", at: location,
                                        "published on \(published), but a report on \(year) is due before \(due)"
                                          | "公开日期为 \(published.chinese)，\(year) 年度的报告应在 \(due.chinese)之前公开",
                                        hint: "the deadline is `deadline:` in schema.yaml (the 2019 督察工作规定: before 1 April)"
                                          | "公开期限见 schema.yaml 的 `deadline:`（2019 年《法治政府建设与责任落实督察工作规定》：4 月 1 日之前）"))
        }
    }
}
