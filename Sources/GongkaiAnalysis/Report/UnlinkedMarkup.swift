import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// What an editor wrote without marking it up: a figure with its measure word (`开展培训 160 次`) and the title of a
/// declared document (`《办法》`) outside any link. Notes (`info`, or as schema.yaml's `severity:` sets them): `check`
/// says them, with the link to write; they never fail a build. One note per kind and report, at the first place, with
/// every other place as a related location: a portal of 500 reports had 9,700 of them one by one, which made `check`
/// three times slower and a preview save 100 ms longer, to say what is one suggestion per report.
enum UnlinkedMarkup {
    /// Measure words that follow a figure's number: what a `metric:` link usually holds. Longest first.
    private static let measureWords: [[Unicode.Scalar]] = ["人次", "次", "个", "件", "份", "人", "项", "场", "期", "家", "起", "台", "册", "条",
                                                           "篇", "名", "户", "所", "批", "轮", "%", "％"].map { Array($0.unicodeScalars) }

    /// The places a note lists; past them it counts.
    static let placesPerNote = 50

    /// One place: where, and what is written there.
    struct Place {
        let location: SourceLocation
        let written: String
        /// The declared document's key, for a title.
        let key: String?
    }

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
            context.unlinkedFigures.append(Place(location: location(byteOffset: offset, node: node, context: context), written: String(written), key: nil))
            index = end
        }
    }

    private static func checkDocuments(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        var searched = text.startIndex
        while let open = text[searched...].firstIndex(of: "《"), let close = text[open...].firstIndex(of: "》") {
            let title = String(text[text.index(after: open)..<close])
            searched = text.index(after: close)
            guard let key = context.documentKeysByTitle[title] else { continue }
            let offset = text.utf8.distance(from: text.startIndex, to: open)
            context.unlinkedTitles.append(Place(location: location(byteOffset: offset, node: node, context: context), written: "《\(title)》", key: key))
        }
    }

    /// The report's notes, once its body is walked.
    static func finish(in context: inout BodyContext) {
        if let first = context.unlinkedFigures.first {
            let count = context.unlinkedFigures.count
            let shown = "`\(first.written)`"
            context.diagnostics.append(.info("markdown.unlinked-figure", at: first.location,
                                             count == 1 ? "the figure \(shown) is not linked to a metric" | "数据 \(shown) 未链接到指标"
                                                : "\(count) figures of this report are not linked to a metric, the first \(shown)"
                                                | "本报告有 \(count) 处数据未链接到指标，第一处为 \(shown)",
                                             hint: "to count one, write `[\(first.written)](metric:KEY)` with a key of the metric catalogue in schema.yaml"
                                               | "如需统计，请写作 `[\(first.written)](metric:指标键)`，指标键见 schema.yaml 的指标目录",
                                             related: related(context.unlinkedFigures.dropFirst()) { "`\($0.written)`" | "`\($0.written)`" }))
        }
        if let first = context.unlinkedTitles.first, let key = first.key {
            let count = context.unlinkedTitles.count
            let link = "[\(first.written)](doc:\(key))"
            context.diagnostics.append(.info("markdown.unlinked-document", at: first.location,
                                             count == 1 ? "`\(first.written)` is declared as `doc:\(key)` but not linked here"
                                                | "`\(first.written)` 已声明为 `doc:\(key)`，此处未链接"
                                                : "\(count) titles of declared documents are named without their link, the first `\(first.written)` (`doc:\(key)`)"
                                                | "本报告有 \(count) 处已声明文件的标题未加链接，第一处为 `\(first.written)`（`doc:\(key)`）",
                                             correction: Correction(hint: "write `\(link)`" | "改为 `\(link)`",
                                                                    fixIt: FixIt(original: first.written, replacement: link)),
                                             related: related(context.unlinkedTitles.dropFirst()) {
                                                 "`[\($0.written)](doc:\($0.key ?? ""))`" | "`[\($0.written)](doc:\($0.key ?? ""))`"
                                             }))
        }
    }

    /// The other places, each with what to write there; past `placesPerNote`, how many more.
    private static func related(_ places: ArraySlice<Place>, _ message: (Place) -> Message) -> [RelatedLocation] {
        var related = places.prefix(placesPerNote).map { RelatedLocation($0.location, message($0)) }
        if places.count > placesPerNote, let last = places.last {
            related.append(RelatedLocation(last.location, "and \(places.count - placesPerNote) more places, the last here"
                                             | "另有 \(places.count - placesPerNote) 处，最后一处在此"))
        }
        return related
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
