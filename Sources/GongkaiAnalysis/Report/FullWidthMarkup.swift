import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Markup typed with a Chinese input method: `［100%］（metric:…）` or `｛#problems｝` is not a link or an id to
/// Markdown, and would be published as it was typed. Each is an error at its place, with the half-width form as
/// the fix.
enum FullWidthMarkup {
    /// A link whose brackets or parentheses are full-width (any of them), to one of Gongkai's link kinds.
    private static let link = try! NSRegularExpression(pattern: #"[\[［]([^\]］\n]*)[\]］][（(](metric|doc|plan):([^）)\s]*)[）)]"#)
    /// `{#id}` at the end of a heading with a full-width brace or hash.
    private static let headingID = try! NSRegularExpression(pattern: #"[{｛]\s*[#＃]([A-Za-z][A-Za-z0-9_-]*)\s*[}｝]\s*$"#)

    /// Called for text that holds a link kind (`TextHints.linkKinds`).
    static func checkLinks(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        for match in matches(of: link, in: text) where !isHalfWidth(match.text) {
            let replacement = "[\(match.groups[0])](\(match.groups[1]):\(match.groups[2]))"
            context.diagnostics.append(.error("markdown.full-width-link", at: location(of: match, in: node, context: context),
                                              "`\(match.text)` is typed with full-width brackets: it is not a link, and would be shown as it is"
                                                | "`\(match.text)` 使用了全角括号，不是链接，会原样显示",
                                              correction: Correction(hint: "write `\(replacement)`" | "改为 `\(replacement)`",
                                                                     fixIt: FixIt(original: match.text, replacement: replacement))))
        }
    }

    static func checkHeadingID(in text: String, at node: MarkdownNode, in context: inout BodyContext) {
        guard let match = matches(of: headingID, in: text).first, !isHalfWidth(match.text) else { return }
        let replacement = "{#\(match.groups[0])}"
        let typed = match.text.trimmingCharacters(in: .whitespaces)
        context.diagnostics.append(.error("heading.full-width-id", at: location(of: match, in: node, context: context),
                                          "`\(typed)` is typed with full-width characters: it is not the heading's id, and would be shown in the heading"
                                            | "`\(typed)` 使用了全角字符，不是标题的 id，会显示在标题中",
                                          correction: Correction(hint: "write `\(replacement)`" | "改为 `\(replacement)`",
                                                                 fixIt: FixIt(original: typed, replacement: replacement))))
    }

    private struct Match {
        let text: String
        let groups: [String]
        /// Bytes before the match in the text node.
        let byteOffset: Int
    }

    private static func matches(of expression: NSRegularExpression, in text: String) -> [Match] {
        let whole = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: whole).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let groups = (1..<result.numberOfRanges).map { index in Range(result.range(at: index), in: text).map { String(text[$0]) } ?? "" }
            return Match(text: String(text[range]), groups: groups, byteOffset: text.utf8.distance(from: text.startIndex, to: range.lowerBound))
        }
    }

    private static func isHalfWidth(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.isASCII) }

    /// The match's place in the file: the text node's own line, its column moved by the bytes before the match.
    private static func location(of match: Match, in node: MarkdownNode, context: BodyContext) -> SourceLocation {
        guard node.line > 0 else { return context.location(of: node) }
        return context.file.location(line: node.line + context.bodyFirstLine - 1, byteColumn: max(node.byteColumn, 1) + match.byteOffset)
    }
}
