import GongkaiModel
import GongkaiSyntax

/// The plain text of a report's sections, as its page shows them, for site search: what stands before the first
/// heading, and under each heading until the next. Read off the analysed tree, so figures, document and plan links
/// read as their text; images (whose alt text the page does not show) and raw HTML are left out.
enum SectionText {
    /// The text before the first heading, and the text under each heading of the body's top level, by heading id.
    /// A heading inside a list or quote belongs to the text of the section around it.
    static func collect(_ body: MarkdownNode) -> (lead: String, byHeading: [String: String]) {
        var lead = "", byHeading: [String: String] = [:]
        var current: String?, blocks: [String] = []
        func close() {
            let text = blocks.joined(separator: "\n")
            if let current { byHeading[current] = text } else { lead = text }
        }
        for block in body.children {
            if case .numberedHeading(_, _, let id) = block.kind {
                close()
                current = id
                blocks = []
                continue
            }
            let text = blockText(block)
            if !text.isEmpty { blocks.append(text) }
        }
        close()
        return (lead, byHeading)
    }

    /// A block's text: paragraphs as one line (soft breaks between Chinese characters joined, as the page renders
    /// them), containers one child a line.
    private static func blockText(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .paragraph, .numberedHeading, .tableCell:
            var text = ""
            appendInline(node, to: &text)
            return HeadingNumbering.joiningChineseLines(text)
        case .codeBlock(_, let literal):
            return literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        case .htmlBlock, .thematicBreak:
            return ""
        case .tableRow:
            return node.children.map(blockText).filter { !$0.isEmpty }.joined(separator: " ")
        default:
            return node.children.map(blockText).filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    private static func appendInline(_ node: MarkdownNode, to text: inout String) {
        switch node.kind {
        case .text(let value), .code(let value), .tooDeep(let value): text += value
        case .softBreak, .lineBreak: text += " "
        case .image, .htmlInline: break
        default: for child in node.children { appendInline(child, to: &text) }
        }
    }
}
