/// Writes a `MarkdownNode` tree as HTML in the same shape as cmark-gfm's renderer (the GFM spec examples pass),
/// plus Gongkai's own nodes: numbered headings with anchors, figures as `<data>`, and references.
struct HTMLRenderer {
    /// Raw HTML in Markdown is dropped unless the portal allows it; allowed HTML still goes through the tag filter.
    var allowsRawHTML = false
    /// Prepended to site paths so links work from the page's folder (`../../` on a report page).
    var rootPrefix = ""
    /// Numbered headings of this level are run into the paragraph that follows them, in bold, as offices print
    /// level-3 items ("1.推进干部职工学法用法。落实…"): the print page sets it to 4 (`####`).
    var runInHeadingLevel: Int?

    private var output = ""
    private var tightList = [Bool]()

    init(allowsRawHTML: Bool = false, rootPrefix: String = "", runInHeadingLevel: Int? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.rootPrefix = rootPrefix
        self.runInHeadingLevel = runInHeadingLevel
    }

    /// The HTML of the children of `node` (a document, or any block).
    mutating func render(_ node: MarkdownNode) -> String {
        output = ""
        output.reserveCapacity(4096)
        renderChildren(of: node)
        return output
    }

    private mutating func cr() {
        if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
    }

    private mutating func renderChildren(of node: MarkdownNode) {
        renderSequence(node.children)
    }

    private mutating func renderSequence(_ nodes: [MarkdownNode]) {
        var skipped: Int?
        for index in nodes.indices where index != skipped {
            if case .numberedHeading(let level, let number, let id) = nodes[index].kind, level == runInHeadingLevel,
               index + 1 < nodes.count, case .paragraph = nodes[index + 1].kind {
                renderRunIn(heading: nodes[index], number: number, id: id, paragraph: nodes[index + 1])
                skipped = index + 1
                continue
            }
            if case .softBreak = nodes[index].kind {
                // A line break inside Chinese text is not a space between words: browsers would show one.
                let before = index > 0 ? nodes[index - 1].plainText.last : nil
                let after = index + 1 < nodes.count ? nodes[index + 1].plainText.first : nil
                if let before, let after, before.isWide, after.isWide { continue }
            }
            render(node: nodes[index])
        }
    }

    private mutating func render(node: MarkdownNode) {
        switch node.kind {
        case .document, .group:
            renderChildren(of: node)
        case .blockQuote:
            cr(); output += "<blockquote>\n"
            tightList.append(false)
            renderChildren(of: node)
            tightList.removeLast()
            cr(); output += "</blockquote>\n"
        case .list(let ordered, let start, let tight):
            cr()
            if ordered {
                output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                output += "<ul>\n"
            }
            tightList.append(tight)
            renderChildren(of: node)
            tightList.removeLast()
            output += ordered ? "</ol>\n" : "</ul>\n"
        case .item(let task):
            cr(); output += "<li>"
            if let task { output += task ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> " }
            renderChildren(of: node)
            output += "</li>\n"
        case .codeBlock(let info, let literal):
            cr()
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            if language.isEmpty {
                output += "<pre><code>"
            } else {
                output += "<pre><code class=\"language-"
                HTMLEscaping.escape(language, into: &output)
                output += "\">"
            }
            HTMLEscaping.escape(literal, into: &output)
            output += "</code></pre>\n"
        case .htmlBlock(let literal):
            guard allowsRawHTML else { return }
            cr(); output += HTMLEscaping.filterTags(literal); cr()
        case .paragraph:
            let tight = tightList.last ?? false
            if !tight { cr(); output += "<p>" }
            renderChildren(of: node)
            if !tight { output += "</p>\n" }
        case .heading(let level):
            cr(); output += "<h\(level)>"
            renderChildren(of: node)
            output += "</h\(level)>\n"
        case .numberedHeading(let level, let number, let id):
            cr(); output += "<h\(level) id=\""
            HTMLEscaping.escape(id, into: &output)
            output += "\"><span class=\"heading-number\">"
            HTMLEscaping.escape(number, into: &output)
            output += "</span>"
            renderChildren(of: node)
            output += "</h\(level)>\n"
        case .thematicBreak:
            cr(); output += "<hr />\n"
        case .table(let alignments):
            renderTable(node, alignments: alignments)
        case .tableRow, .tableCell:
            renderChildren(of: node) // only reached through renderTable
        case .text(let text):
            HTMLEscaping.escape(text, into: &output)
        case .tooDeep(let text):
            cr(); output += "<p>"
            HTMLEscaping.escape(text, into: &output)
            output += "</p>\n"
        case .softBreak:
            output += "\n"
        case .lineBreak:
            output += "<br />\n"
        case .code(let code):
            output += "<code>"
            HTMLEscaping.escape(code, into: &output)
            output += "</code>"
        case .htmlInline(let literal):
            if allowsRawHTML { output += HTMLEscaping.filterTags(literal) }
        case .emphasis:
            output += "<em>"; renderChildren(of: node); output += "</em>"
        case .strong:
            output += "<strong>"; renderChildren(of: node); output += "</strong>"
        case .strikethrough:
            output += "<del>"; renderChildren(of: node); output += "</del>"
        case .link(let url, let title):
            output += "<a href=\""
            renderSafeHref(url)
            output += "\""
            renderTitleAttribute(title)
            output += ">"
            renderChildren(of: node)
            output += "</a>"
        case .image(let url, let title):
            output += "<img src=\""
            renderSafeHref(url)
            output += "\" alt=\""
            renderAltText(node.children)
            output += "\""
            renderTitleAttribute(title)
            output += " />"
        case .figure(let figure):
            output += "<data class=\"figure\" value=\""
            HTMLEscaping.escape(figure.valueText, into: &output)
            output += "\" data-metric=\""
            HTMLEscaping.escape(figure.metric, into: &output)
            output += "\""
            if let qualifier = figure.qualifier {
                output += " data-qualifier=\"\(qualifier.rawValue)\""
            }
            output += ">"
            renderChildren(of: node)
            output += "</data>"
        case .reference(let kind, let sitePath, let anchor):
            output += "<a class=\"\(kind.rawValue)\""
            if let anchor {
                output += " id=\""
                HTMLEscaping.escape(anchor, into: &output)
                output += "\""
            }
            output += " href=\""
            HTMLEscaping.escapeHref(rootPrefix + sitePath, into: &output)
            output += "\">"
            renderChildren(of: node)
            output += "</a>"
        }
    }

    /// `<p class="run-in" id="…"><strong class="heading-run-in">1.标题。</strong>正文…</p>`: the heading ends with
    /// a full stop unless it ends with punctuation already.
    private mutating func renderRunIn(heading: MarkdownNode, number: String, id: String, paragraph: MarkdownNode) {
        cr(); output += "<p class=\"run-in\" id=\""
        HTMLEscaping.escape(id, into: &output)
        output += "\"><strong class=\"heading-run-in\">"
        HTMLEscaping.escape(number, into: &output)
        renderChildren(of: heading)
        if let last = heading.plainText.last, !"。！？：；.!?:;".contains(last) { output += "。" }
        output += "</strong>"
        renderChildren(of: paragraph)
        output += "</p>\n"
    }

    /// ` title="…"` when there is a title.
    private mutating func renderTitleAttribute(_ title: String) {
        guard !title.isEmpty else { return }
        output += " title=\""
        HTMLEscaping.escape(title, into: &output)
        output += "\""
    }

    /// A link or image address, left empty when its scheme could run code (unless the portal allows raw HTML).
    private mutating func renderSafeHref(_ url: String) {
        if allowsRawHTML || !HTMLEscaping.isUnsafe(url: url) { HTMLEscaping.escapeHref(url, into: &output) }
    }

    /// Image descriptions are plain text: only the literal content, line breaks as spaces.
    private mutating func renderAltText(_ nodes: [MarkdownNode]) {
        for node in nodes {
            switch node.kind {
            case .text(let text), .code(let text), .htmlInline(let text): HTMLEscaping.escape(text, into: &output)
            case .softBreak, .lineBreak: output += " "
            default: renderAltText(node.children)
            }
        }
    }

    private mutating func renderTable(_ table: MarkdownNode, alignments: [MarkdownNode.TableAlignment]) {
        cr(); output += "<table>\n"
        var bodyOpen = false
        for row in table.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            cr()
            if isHeader {
                output += "<thead>\n"
            } else if !bodyOpen {
                output += "<tbody>\n"
                bodyOpen = true
            }
            output += "<tr>"
            for (column, cell) in row.children.enumerated() {
                cr()
                output += isHeader ? "<th" : "<td"
                switch column < alignments.count ? alignments[column] : .none {
                case .left: output += " align=\"left\""
                case .center: output += " align=\"center\""
                case .right: output += " align=\"right\""
                case .none: break
                }
                output += ">"
                renderChildren(of: cell)
                output += isHeader ? "</th>" : "</td>"
            }
            cr(); output += "</tr>"
            if isHeader { cr(); output += "</thead>" }
        }
        if bodyOpen { cr(); output += "</tbody>" }
        cr(); output += "</table>\n"
    }
}

extension Character {
    /// Characters of the CJK ranges that are set full-width (ideographs, kana, hangul, full-width punctuation).
    var isWide: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
