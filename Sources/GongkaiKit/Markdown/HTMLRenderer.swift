/// Writes a `MarkdownNode` tree as HTML in the same shape as cmark-gfm's renderer (the GFM spec examples pass),
/// plus Gongkai's own nodes: numbered headings with anchors, figures as `<data>`, and references.
struct HTMLRenderer {
    /// Raw HTML in Markdown is dropped unless the portal allows it; allowed HTML still goes through the tag filter.
    var allowsRawHTML = false
    /// Prepended to site paths so links work from the page's folder (`../../` on a report page).
    var rootPrefix = ""
    /// Numbered headings of this level are run into the paragraph that follows them, in bold, as offices print
    /// level-3 items ("1.推进干部职工学法用法。落实…"): the print page's level is 4 (`####`). This renders the print body
    /// on its own; the build renders it together with the web body (`renderForWebAndPrint`), and the tests hold the
    /// two ways to the same output.
    var runInHeadingLevel: Int?

    private var output = ""
    /// The print page's copy of the body while `renderForWebAndPrint` writes both: what is the same in both is
    /// worked out once and appended twice, which halves the cost of the second page.
    private var printCopy: String?
    private var printRootPrefix = ""
    private var printRunInHeadingLevel: Int?
    /// Set while `output` stands for the print copy alone.
    private var writingPrintOnly = false
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

    /// The web page's body and the print page's, from one walk over the tree: the print copy has its own root
    /// prefix (its page is a folder deeper) and runs headings of `printRunInHeadingLevel` into their paragraphs.
    mutating func renderForWebAndPrint(_ node: MarkdownNode, printRootPrefix: String,
                                       printRunInHeadingLevel: Int) -> (web: String, print: String) {
        self.printRootPrefix = printRootPrefix
        self.printRunInHeadingLevel = printRunInHeadingLevel
        output = ""
        output.reserveCapacity(4096)
        printCopy = ""
        printCopy?.reserveCapacity(4096)
        defer { printCopy = nil }
        renderChildren(of: node)
        return (output, printCopy ?? "")
    }

    private mutating func emit(_ text: String) {
        output += text
        printCopy?.append(text)
    }

    private mutating func escape(_ text: String) {
        appendingToPrintCopy { HTMLEscaping.escape(text, into: &$0.output) }
    }

    private mutating func escapeHref(_ url: String) {
        appendingToPrintCopy { HTMLEscaping.escapeHref(url, into: &$0.output) }
    }

    /// Runs `write`, which appends to `output`, then appends what it wrote to the print copy too.
    private mutating func appendingToPrintCopy(_ write: (inout HTMLRenderer) -> Void) {
        guard printCopy != nil else { return write(&self) }
        let start = output.utf8.count
        write(&self)
        printCopy?.append(contentsOf: output[output.utf8.index(output.utf8.startIndex, offsetBy: start)...])
    }

    /// Runs `write` for one of the two pages only: the web page, or (with `output` standing for it) the print copy.
    private mutating func only(forPrint: Bool, _ write: (inout HTMLRenderer) -> Void) {
        guard var copy = printCopy else { return forPrint ? () : write(&self) }
        printCopy = nil
        if forPrint { swap(&output, &copy) }
        writingPrintOnly = forPrint
        write(&self)
        writingPrintOnly = false
        if forPrint { swap(&output, &copy) }
        printCopy = copy
    }

    private mutating func cr() {
        if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
        if let last = printCopy?.utf8.last, last != UInt8(ascii: "\n") { printCopy?.append("\n") }
    }

    private mutating func renderChildren(of node: MarkdownNode) {
        renderSequence(node.children)
    }

    private mutating func renderSequence(_ nodes: [MarkdownNode]) {
        var skipped: Int?
        for index in nodes.indices where index != skipped {
            if case .numberedHeading(let level, let number, let id) = nodes[index].kind, index + 1 < nodes.count,
               case .paragraph = nodes[index + 1].kind {
                if level == runInHeadingLevel {
                    renderRunIn(heading: nodes[index], number: number, id: id, paragraph: nodes[index + 1])
                    skipped = index + 1
                    continue
                }
                if printCopy != nil, level == printRunInHeadingLevel {
                    only(forPrint: false) { $0.render(node: nodes[index]); $0.render(node: nodes[index + 1]) }
                    only(forPrint: true) { $0.renderRunIn(heading: nodes[index], number: number, id: id, paragraph: nodes[index + 1]) }
                    skipped = index + 1
                    continue
                }
            }
            if case .softBreak = nodes[index].kind {
                // A line break inside Chinese text is not a space between words: browsers would show one.
                let before = index > 0 ? nodes[index - 1].lastCharacter : nil
                let after = index + 1 < nodes.count ? nodes[index + 1].firstCharacter : nil
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
            cr(); emit("<blockquote>\n")
            tightList.append(false)
            renderChildren(of: node)
            tightList.removeLast()
            cr(); emit("</blockquote>\n")
        case .list(let ordered, let start, let tight):
            cr()
            if ordered {
                emit(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
            } else {
                emit("<ul>\n")
            }
            tightList.append(tight)
            renderChildren(of: node)
            tightList.removeLast()
            emit(ordered ? "</ol>\n" : "</ul>\n")
        case .item(let task):
            cr(); emit("<li>")
            if let task { emit(task ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> ") }
            renderChildren(of: node)
            emit("</li>\n")
        case .codeBlock(let info, let literal):
            cr()
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            if language.isEmpty {
                emit("<pre><code>")
            } else {
                emit("<pre><code class=\"language-")
                escape(language)
                emit("\">")
            }
            escape(literal)
            emit("</code></pre>\n")
        case .htmlBlock(let literal):
            guard allowsRawHTML else { return }
            cr(); emit(HTMLEscaping.filterTags(literal)); cr()
        case .paragraph:
            let tight = tightList.last ?? false
            if !tight { cr(); emit("<p>") }
            renderChildren(of: node)
            if !tight { emit("</p>\n") }
        case .heading(let level):
            cr(); emit("<h\(level)>")
            renderChildren(of: node)
            emit("</h\(level)>\n")
        case .numberedHeading(let level, let number, let id):
            cr(); emit("<h\(level) id=\"")
            escape(id)
            emit("\"><span class=\"heading-number\">")
            escape(number)
            emit("</span>")
            renderChildren(of: node)
            emit("</h\(level)>\n")
        case .thematicBreak:
            cr(); emit("<hr />\n")
        case .table(let alignments):
            renderTable(node, alignments: alignments)
        case .tableRow, .tableCell:
            renderChildren(of: node) // only reached through renderTable
        case .text(let text):
            escape(text)
        case .tooDeep(let text):
            cr(); emit("<p>")
            escape(text)
            emit("</p>\n")
        case .softBreak:
            emit("\n")
        case .lineBreak:
            emit("<br />\n")
        case .code(let code):
            emit("<code>")
            escape(code)
            emit("</code>")
        case .htmlInline(let literal):
            if allowsRawHTML { emit(HTMLEscaping.filterTags(literal)) }
        case .emphasis:
            emit("<em>"); renderChildren(of: node); emit("</em>")
        case .strong:
            emit("<strong>"); renderChildren(of: node); emit("</strong>")
        case .strikethrough:
            emit("<del>"); renderChildren(of: node); emit("</del>")
        case .link(let url, let title):
            emit("<a href=\"")
            renderSafeHref(url)
            emit("\"")
            renderTitleAttribute(title)
            emit(">")
            renderChildren(of: node)
            emit("</a>")
        case .image(let url, let title):
            emit("<img src=\"")
            renderSafeHref(url)
            emit("\" alt=\"")
            renderAltText(node.children)
            emit("\"")
            renderTitleAttribute(title)
            emit(" />")
        case .figure(let figure):
            emit("<data class=\"figure\" value=\"")
            escape(figure.valueText)
            emit("\" data-metric=\"")
            escape(figure.metric)
            emit("\"")
            if let qualifier = figure.qualifier {
                emit(" data-qualifier=\"\(qualifier.rawValue)\"")
            }
            emit(">")
            renderChildren(of: node)
            emit("</data>")
        case .reference(let kind, let sitePath, let anchor):
            emit("<a class=\"\(kind.rawValue)\"")
            if let anchor {
                emit(" id=\"")
                escape(anchor)
                emit("\"")
            }
            emit(" href=\"")
            if printCopy == nil {
                escapeHref((writingPrintOnly ? printRootPrefix : rootPrefix) + sitePath)
            } else {
                // The print page is a folder deeper: the one place where the copies differ outside run-in headings.
                only(forPrint: false) { $0.escapeHref($0.rootPrefix + sitePath) }
                only(forPrint: true) { $0.escapeHref($0.printRootPrefix + sitePath) }
            }
            emit("\">")
            renderChildren(of: node)
            emit("</a>")
        }
    }

    /// `<p class="run-in" id="…"><strong class="heading-run-in">1.标题。</strong>正文…</p>`: the heading ends with
    /// a full stop unless it ends with punctuation already.
    private mutating func renderRunIn(heading: MarkdownNode, number: String, id: String, paragraph: MarkdownNode) {
        cr(); emit("<p class=\"run-in\" id=\"")
        escape(id)
        emit("\"><strong class=\"heading-run-in\">")
        escape(number)
        renderChildren(of: heading)
        if let last = heading.plainText.last, !"。！？：；.!?:;".contains(last) { emit("。") }
        emit("</strong>")
        renderChildren(of: paragraph)
        emit("</p>\n")
    }

    /// ` title="…"` when there is a title.
    private mutating func renderTitleAttribute(_ title: String) {
        guard !title.isEmpty else { return }
        emit(" title=\"")
        escape(title)
        emit("\"")
    }

    /// A link or image address, left empty when its scheme could run code (unless the portal allows raw HTML).
    private mutating func renderSafeHref(_ url: String) {
        if allowsRawHTML || !HTMLEscaping.isUnsafe(url: url) { escapeHref(url) }
    }

    /// Image descriptions are plain text: only the literal content, line breaks as spaces.
    private mutating func renderAltText(_ nodes: [MarkdownNode]) {
        for node in nodes {
            switch node.kind {
            case .text(let text), .code(let text), .htmlInline(let text): escape(text)
            case .softBreak, .lineBreak: emit(" ")
            default: renderAltText(node.children)
            }
        }
    }

    private mutating func renderTable(_ table: MarkdownNode, alignments: [MarkdownNode.TableAlignment]) {
        cr(); emit("<table>\n")
        var bodyOpen = false
        for row in table.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            cr()
            if isHeader {
                emit("<thead>\n")
            } else if !bodyOpen {
                emit("<tbody>\n")
                bodyOpen = true
            }
            emit("<tr>")
            for (column, cell) in row.children.enumerated() {
                cr()
                emit(isHeader ? "<th" : "<td")
                switch column < alignments.count ? alignments[column] : .none {
                case .left: emit(" align=\"left\"")
                case .center: emit(" align=\"center\"")
                case .right: emit(" align=\"right\"")
                case .none: break
                }
                emit(">")
                renderChildren(of: cell)
                emit(isHeader ? "</th>" : "</td>")
            }
            cr(); emit("</tr>")
            if isHeader { cr(); emit("</thead>") }
        }
        if bodyOpen { cr(); emit("</tbody>") }
        cr(); emit("</table>\n")
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
