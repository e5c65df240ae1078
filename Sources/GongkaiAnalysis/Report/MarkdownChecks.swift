import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// What the Markdown itself gets wrong: emphasis CommonMark leaves open after Chinese punctuation, nesting too deep
/// to keep, raw HTML that the page leaves out (reported once a report).
struct MarkdownChecks {
    private var rawHTMLReported = false

    mutating func visit(_ node: MarkdownNode, in context: inout BodyContext) {
        switch node.kind {
        case .text(let text):
            let hints = TextHints(text)
            if hints.linkKinds { FullWidthMarkup.checkLinks(in: text, at: node, in: &context) }
            if context.linkDepth == 0 { UnlinkedMarkup.check(text, hints: hints, at: node, in: &context) }
            if text.utf8.containsDoubledEmphasisMarker {
                context.diagnostics.append(.warning("markdown.unclosed-emphasis", at: context.location(of: node),
                                                    "emphasis markers are shown as literal `**`: CommonMark does not close emphasis after punctuation followed by a letter"
                                                      | "加粗标记 `**` 会原样显示：标点后紧跟文字时，CommonMark 不能结束加粗",
                                                    hint: "move the punctuation outside, `**重点**。正文`, or rephrase" | "把标点移到标记外，如 `**重点**。正文`，或改写"))
            }
        case .tooDeep:
            context.diagnostics.append(.error("markdown.too-deep", at: context.location(of: node),
                                              "the Markdown is nested more than \(MarkdownParser.maximumDepth) levels deep here"
                                                | "此处 Markdown 嵌套超过 \(MarkdownParser.maximumDepth) 层",
                                              hint: "quotes and lists in a report need only a few levels" | "报告中的引用和列表只需要几层"))
        case .htmlBlock(let html), .htmlInline(let html):
            // A comment is an editor's note: left out without a word.
            if !context.allowsRawHTML && !rawHTMLReported && !MarkdownNode.isComment(html) {
                rawHTMLReported = true
                context.diagnostics.append(.warning("markdown.raw-html", at: context.location(of: node),
                                                    "raw HTML in the report is left out of the page" | "报告中的 HTML 代码不会显示在页面上",
                                                    hint: "write it in Markdown, or ask the portal team to set `raw_html: true`"
                                                      | "改用 Markdown，或请门户管理员设置 `raw_html: true`"))
            }
        default:
            break
        }
    }
}
