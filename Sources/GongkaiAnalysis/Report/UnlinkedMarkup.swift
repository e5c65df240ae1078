import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// What an editor wrote without marking it up: a figure with its measure word (`开展培训 160 次`) and the title of a
/// declared document (`《办法》`) outside any link. Notes (`info`): `check` says them, with the link to write; they
/// never fail a build, and `--severity ID=off` silences them.
enum UnlinkedMarkup {
    /// A number in Arabic digits and a measure word: what a `metric:` link usually holds. Not an ordinal (第3次), not
    /// part of a longer number.
    private static let figure = try! NSRegularExpression(
        pattern: #"(?<![0-9０-９.,第［\[])[0-9０-９]+(?:[.,][0-9０-９]+)*\s*(?:余|多)?\s*(?:人次|次|个|件|份|人|项|场|期|家|起|台|册|条|篇|名|户|所|批|轮|%|％)"#)

    static func check(_ text: String, at node: MarkdownNode, in context: inout BodyContext) {
        // Most text has neither a digit nor a 《: passed over without a search.
        let bytes = text.utf8
        if bytes.contains(where: { (0x30...0x39).contains($0) }) || text.unicodeScalars.contains(where: { ("０"..."９").contains($0) }) {
            checkFigures(in: text, at: node, in: &context)
        }
        if !context.documentKeysByTitle.isEmpty, text.contains("《") { checkDocuments(in: text, at: node, in: &context) }
    }

    private static func checkFigures(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        let whole = NSRange(text.startIndex..., in: text)
        for match in figure.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            let written = String(text[range])
            context.diagnostics.append(.info("markdown.unlinked-figure", at: location(of: range, in: text, node: node, context: context),
                                             "the figure `\(written)` is not linked to a metric" | "数据 `\(written)` 未链接到指标",
                                             hint: "to count it, write `[\(written)](metric:KEY)` with a key of the metric catalogue in schema.yaml"
                                               | "如需统计，请写作 `[\(written)](metric:指标键)`，指标键见 schema.yaml 的指标目录"))
        }
    }

    private static func checkDocuments(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        var searched = text.startIndex
        while let open = text[searched...].firstIndex(of: "《"), let close = text[open...].firstIndex(of: "》") {
            let title = String(text[text.index(after: open)..<close])
            searched = text.index(after: close)
            guard let key = context.documentKeysByTitle[title] else { continue }
            let written = "《\(title)》"
            context.diagnostics.append(.info("markdown.unlinked-document", at: location(of: open..<searched, in: text, node: node, context: context),
                                             "`\(written)` is declared as `doc:\(key)` but not linked here" | "`\(written)` 已声明为 `doc:\(key)`，此处未链接",
                                             correction: Correction(hint: "write `[\(written)](doc:\(key))`" | "改为 `[\(written)](doc:\(key))`",
                                                                    fixIt: FixIt(original: written, replacement: "[\(written)](doc:\(key))"))))
        }
    }

    /// A declared title as the text names it, without the 《》 a declaration may have.
    static func bareTitle(_ title: String) -> String {
        var bare = Substring(title)
        if bare.hasPrefix("《") { bare = bare.dropFirst() }
        if bare.hasSuffix("》") { bare = bare.dropLast() }
        return String(bare)
    }

    private static func location(of range: Range<String.Index>, in text: String, node: MarkdownNode, context: BodyContext) -> SourceLocation {
        guard node.line > 0 else { return context.location(of: node) }
        let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return context.file.location(line: node.line + context.bodyFirstLine - 1, byteColumn: max(node.byteColumn, 1) + offset)
    }
}
