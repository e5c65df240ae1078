import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Checks that the report covers each part schema.yaml requires.
enum StructureCheck {

    /// Each part the schema asks for is covered by a heading, at any level, whose id or title it lists or whose title
    /// holds one of its phrases. Every part that is missing is reported, at the report's first heading.
    static func check(_ headings: [HeadingEntry], in context: inout BodyContext) {
        let covering = headings.map { ($0.id, Schema.Part.normalized($0.title)) }
        let location = context.firstHeading ?? context.file.location(line: context.bodyStartLine, column: 1)
        for (part, accepted) in zip(context.schema.parts, context.acceptedPartTitles) {
            guard let severity = part.severity,
                  !covering.contains(where: { part.isCovered(byID: $0.0, title: $0.1, accepted: accepted) }) else { continue }
            let id = part.ids.first.map { " {#\($0)}" } ?? ""
            let example = part.titles.first.map { "`## \($0)\(id)`" } ?? "`## \(part.item)\(id)`"
            let hint: Message = part.ids.first.map { first in
                "if a heading covers it, end that heading with `{#\(first)}` or list its title under this part's `titles:` in schema.yaml; "
                    + "otherwise add a heading such as \(example)"
                    | "如已有标题涵盖此部分，请在该标题末尾加上 `{#\(first)}`，或把该标题列入 schema.yaml 中此部分的 `titles:`；否则请添加标题，如 \(example)"
            } ?? ("list the title of the heading that covers it under this part's `titles:` in schema.yaml, or add a heading such as \(example)"
                    | "请把涵盖此部分的标题列入 schema.yaml 中此部分的 `titles:`，或添加标题，如 \(example)")
            context.diagnostics.append(Diagnostic(severity, "structure.missing-part", at: location,
                                                  "the report does not cover 「\(part.item)」" | "报告缺少「\(part.item)」部分", hint: hint))
        }
    }
}
