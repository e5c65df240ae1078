import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks that the report covers each part schema.yaml requires.
enum StructureCheck {

    /// Each part the schema asks for is covered by a heading, at any level, whose id or title it lists.
    static func check(_ headings: [HeadingEntry], in context: inout BodyContext) {
        let ids = Set(headings.map(\.id))
        let titles = Set(headings.map { Schema.Part.normalized($0.title) })
        for (part, accepted) in zip(context.schema.parts, context.acceptedPartTitles) {
            guard let severity = part.severity,
                  !part.ids.contains(where: ids.contains),
                  !accepted.contains(where: titles.contains) else { continue }
            let example = part.titles.first.map { "`## \($0)\(part.ids.first.map { " {#\($0)}" } ?? "")`" }
            let suggestion = example.map { "add a heading such as \($0)" | "添加标题，如 \($0)" }
            context.diagnostics.append(Diagnostic(severity, "structure.missing-part", at: context.file.location(line: context.bodyStartLine, column: 1),
                                                  "the report does not cover 「\(part.item)」" | "报告缺少「\(part.item)」部分", hint: suggestion))
        }
    }
}
