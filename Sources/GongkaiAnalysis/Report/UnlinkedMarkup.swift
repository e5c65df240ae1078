import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// What an editor wrote without marking it up: a figure with its measure word (`开展培训 160 次`) and the title of a
/// declared document (`《办法》`) outside any link. Notes (`info`): `check` says them, with the link to write; they
/// never fail a build, and `--severity ID=off` silences them.
enum UnlinkedMarkup {
    /// Measure words that follow a figure's number: what a `metric:` link usually holds. Longest first.
    private static let measureWords: [[Unicode.Scalar]] = ["人次", "次", "个", "件", "份", "人", "项", "场", "期", "家", "起", "台", "册", "条",
                                                           "篇", "名", "户", "所", "批", "轮", "%", "％"].map { Array($0.unicodeScalars) }

    /// A report of tables of figures could otherwise have hundreds: the first are noted where they stand, the rest
    /// counted in one note (`finish`).
    static let notesPerReport = 20

    static func check(_ text: String, hints: TextHints, at node: MarkdownNode, in context: inout BodyContext) {
        if hints.digits { checkFigures(in: text, at: node, in: &context) }
        if hints.titles, !context.documentKeysByTitle.isEmpty { checkDocuments(in: text, at: node, in: &context) }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    /// Numbers in Arabic digits followed (after spaces, 余 or 多) by a measure word; not an ordinal (第3次), not inside
    /// a longer number, not inside a link typed with full-width brackets (`［3 次］`).
    private static func checkFigures(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else { index += 1; continue }
            let start = index
            while index < scalars.count, isDigit(scalars[index])
                || ((scalars[index] == "." || scalars[index] == ",") && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                index += 1
            }
            if start > 0, ["第", "［", "[", ".", ","].contains(scalars[start - 1]) { continue }
            var end = index
            while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{3000}" { end += 1 }
            if end < scalars.count, scalars[end] == "余" || scalars[end] == "多" { end += 1 }
            while end < scalars.count, scalars[end] == " " || scalars[end] == "\u{3000}" { end += 1 }
            guard let word = measureWords.first(where: { scalars[end...].starts(with: $0) }) else { continue }
            end += word.count
            var written = String.UnicodeScalarView()
            written.append(contentsOf: scalars[start..<end])
            let offset = scalars[..<start].reduce(0) { $0 + UTF8.width($1) }
            let figure = String(written)
            context.unlinkedFigures += 1
            guard context.unlinkedFigures <= notesPerReport else {
                index = end
                continue
            }
            context.diagnostics.append(.info("markdown.unlinked-figure", at: location(byteOffset: offset, node: node, context: context),
                                             "the figure `\(figure)` is not linked to a metric" | "数据 `\(figure)` 未链接到指标",
                                             hint: "to count it, write `[\(figure)](metric:KEY)` with a key of the metric catalogue in schema.yaml"
                                               | "如需统计，请写作 `[\(figure)](metric:指标键)`，指标键见 schema.yaml 的指标目录"))
            index = end
        }
    }

    private static func checkDocuments(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        var searched = text.startIndex
        while let open = text[searched...].firstIndex(of: "《"), let close = text[open...].firstIndex(of: "》") {
            let title = String(text[text.index(after: open)..<close])
            searched = text.index(after: close)
            guard let key = context.documentKeysByTitle[title] else { continue }
            let written = "《\(title)》"
            let offset = text.utf8.distance(from: text.startIndex, to: open)
            context.diagnostics.append(.info("markdown.unlinked-document", at: location(byteOffset: offset, node: node, context: context),
                                             "`\(written)` is declared as `doc:\(key)` but not linked here" | "`\(written)` 已声明为 `doc:\(key)`，此处未链接",
                                             correction: Correction(hint: "write `[\(written)](doc:\(key))`" | "改为 `[\(written)](doc:\(key))`",
                                                                    fixIt: FixIt(original: written, replacement: "[\(written)](doc:\(key))"))))
        }
    }

    /// The note that counts the unlinked figures past the first ones, at the report's first heading.
    static func finish(in context: inout BodyContext) {
        let more = context.unlinkedFigures - notesPerReport
        guard more > 0 else { return }
        let location = context.firstHeading ?? context.file.location(line: context.bodyStartLine, column: 1)
        context.diagnostics.append(.info("markdown.unlinked-figure", at: location,
                                         "\(more) more figures in this report are not linked to a metric" | "本报告另有 \(more) 处数据未链接到指标",
                                         hint: "`gongkai check` notes the first \(notesPerReport) where they stand"
                                           | "`gongkai check` 只在原处列出前 \(notesPerReport) 处"))
    }

    /// A declared title as the text names it, without the 《》 a declaration may have.
    static func bareTitle(_ title: String) -> String {
        var bare = Substring(title)
        if bare.hasPrefix("《") { bare = bare.dropFirst() }
        if bare.hasSuffix("》") { bare = bare.dropLast() }
        return String(bare)
    }

    private static func location(byteOffset: Int, node: MarkdownNode, context: BodyContext) -> SourceLocation {
        guard node.line > 0 else { return context.location(of: node) }
        return context.file.location(line: node.line + context.bodyFirstLine - 1, byteColumn: max(node.byteColumn, 1) + byteOffset)
    }
}
