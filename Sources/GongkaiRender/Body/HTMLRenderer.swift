import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Writes a `MarkdownNode` tree as HTML in the same shape as cmark-gfm's renderer (the GFM spec examples pass),
/// plus Gongkai's own nodes: numbered headings with anchors, figures as `<data>`, and references. It renders a body
/// once for every page that shows it (`BodyHTML`): references keep their targets, and level-4 items followed by a
/// paragraph get both layouts — a heading on the web page, run into the paragraph in bold on the print page, as
/// offices print them ("1.推进干部职工学法用法。落实…").
package struct HTMLRenderer {
    /// Raw HTML in Markdown is dropped unless the portal allows it; allowed HTML still goes through the tag filter.
    package var allowsRawHTML = false
    /// HTML comments are editors' notes (`<!-- 待核实 -->`), left out even where raw HTML is allowed: a page's source
    /// is public. Only the GFM spec's conformance test keeps them.
    package var keepsComments = false

    /// The heading level the print page runs into its paragraph (`####`, the paper's 1. 2. 3.).
    package static let printRunInLevel = 4

    private var writer = Writer()
    private var tightList = [Bool]()

    package init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// The body of `node` (a document, or any block) for every page.
    package mutating func renderBody(_ node: MarkdownNode) -> BodyHTML {
        writer = Writer()
        renderChildren(of: node)
        return BodyHTML(fragments: writer.finish())
    }

    /// The HTML of the children of `node` as the web page shows it, with links from the site root.
    package mutating func render(_ node: MarkdownNode) -> String {
        renderBody(node).html(for: .web, root: "")
    }

    /// Collects HTML into fragments. Hot path: text goes into one pending string; a fragment is cut only at a link
    /// address or a pair of variants.
    private struct Writer {
        package enum Ending: Equatable { case nothing, byte(UInt8), unknown }

        private var fragments: [BodyHTML.Fragment] = []
        private var pending = ""
        /// How the output ends so far, for `cr`: unknown after variants that end differently.
        private(set) var ending = Ending.nothing

        package init(ending: Ending = .nothing) {
            self.ending = ending
        }

        package mutating func emit(_ text: String) {
            pending += text
            noteEnding()
        }

        /// Appends through a function that writes into a string (the escapings).
        package mutating func write(_ body: (inout String) -> Void) {
            body(&pending)
            noteEnding()
        }

        private mutating func noteEnding() {
            if let last = pending.utf8.last { ending = .byte(last) }
        }

        package mutating func cr() {
            switch ending {
            case .nothing: break
            case .byte(let last): if last != UInt8(ascii: "\n") { emit("\n") }
            case .unknown: append(.lineEnd)
            }
        }

        package mutating func append(_ fragment: BodyHTML.Fragment) {
            flush()
            fragments.append(fragment)
            if case .href = fragment { ending = .unknown }
        }

        package mutating func finish() -> [BodyHTML.Fragment] {
            flush()
            return fragments
        }

        /// The pending text becomes a fragment of its own size: the model keeps every report's fragments until the
        /// pages are rendered, and a string grown by appending holds up to twice its length (one copy of the bytes).
        private mutating func flush() {
            guard !pending.isEmpty else { return }
            let count = pending.utf8.count
            fragments.append(.html(String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(fromContentsOf: pending.utf8)
                return count
            }))
            pending = ""
        }

        /// Variants: each renders from the same ending as the output so far.
        package mutating func append(web: Writer, print: Writer) {
            var web = web, print = print
            let endings = (web.ending, print.ending)
            let (webFragments, printFragments) = (web.finish(), print.finish())
            guard webFragments != printFragments else {
                // The same from the same start: it ends the same way too.
                for fragment in webFragments { append(fragment) }
                ending = endings.0
                return
            }
            append(.variants(web: webFragments, print: printFragments))
            ending = endings.0 == endings.1 ? endings.0 : .unknown
        }
    }

    private mutating func emit(_ text: String) { writer.emit(text) }

    private mutating func escape(_ text: String) { writer.write { HTMLEscaping.escape(text, into: &$0) } }

    private mutating func escapeHref(_ url: String) { writer.write { HTMLEscaping.escapeHref(url, into: &$0) } }

    private mutating func cr() { writer.cr() }

    /// Renders what the web page and the print page show differently, each from the output so far.
    private mutating func variants(web: (inout HTMLRenderer) -> Void, print: (inout HTMLRenderer) -> Void) {
        let saved = writer
        writer = Writer(ending: saved.ending)
        web(&self)
        let webWriter = writer
        writer = Writer(ending: saved.ending)
        print(&self)
        let printWriter = writer
        writer = saved
        writer.append(web: webWriter, print: printWriter)
    }

    private mutating func renderChildren(of node: MarkdownNode) {
        renderSequence(node.children)
    }

    private mutating func renderSequence(_ nodes: [MarkdownNode]) {
        var skipped: Int?
        for index in nodes.indices where index != skipped {
            if case .numberedHeading(Self.printRunInLevel, let number, let id) = nodes[index].kind, index + 1 < nodes.count,
               case .paragraph = nodes[index + 1].kind {
                renderRunInItem(heading: nodes[index], number: number, id: id, paragraph: nodes[index + 1])
                skipped = index + 1
                continue
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
            guard allowsRawHTML, keepsComments || !MarkdownNode.isComment(literal) else { return }
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
            if allowsRawHTML, keepsComments || !MarkdownNode.isComment(literal) { emit(HTMLEscaping.filterTags(literal)) }
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
            emit("<data class=\"figure\"")
            if !figure.anchor.isEmpty {
                emit(" id=\"")
                escape(figure.anchor)
                emit("\"")
            }
            emit(" value=\"")
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
        case .reference(let kind, let target, let anchor):
            // A title's 《 and 》 stand outside its link: the underline would run under their blank halves.
            var node = node
            let marks = Self.takeTitleMarks(from: &node)
            if marks { emit("《") }
            defer { if marks { emit("》") } }
            emit("<a class=\"\(kind.rawValue)\"")
            if let anchor {
                emit(" id=\"")
                escape(anchor)
                emit("\"")
            }
            emit(" href=\"")
            writer.append(.href(target))
            emit("\">")
            renderChildren(of: node)
            emit("</a>")
        }
    }

    /// Whether the link's text is 《…》 in plain text at both ends; if so, the marks are taken off its children.
    private static func takeTitleMarks(from node: inout MarkdownNode) -> Bool {
        guard let first = node.children.first, case .text(let opening) = first.kind, opening.hasPrefix("《"),
              let last = node.children.last, case .text(let closing) = last.kind, closing.hasSuffix("》"),
              node.children.count > 1 || opening.count > 2 else { return false }
        if node.children.count == 1 {
            node.children[0].kind = .text(String(opening.dropFirst().dropLast()))
        } else {
            node.children[0].kind = .text(String(opening.dropFirst()))
            node.children[node.children.count - 1].kind = .text(String(closing.dropLast()))
        }
        return true
    }

    /// A level-4 item and its paragraph. The web page shows the heading, then the paragraph; the print page runs the
    /// heading into the paragraph, in bold, ending with a full stop unless it ends with punctuation already:
    /// `<p class="run-in" id="…"><strong class="heading-run-in">1.标题。</strong>正文…</p>`. The paragraph's text is
    /// the same on both and rendered once.
    private mutating func renderRunInItem(heading: MarkdownNode, number: String, id: String, paragraph: MarkdownNode) {
        let tight = tightList.last ?? false
        variants(web: { renderer in
            renderer.render(node: heading)
            if !tight { renderer.cr(); renderer.emit("<p>") }
        }, print: { renderer in
            renderer.cr(); renderer.emit("<p class=\"run-in\" id=\"")
            renderer.escape(id)
            renderer.emit("\"><strong class=\"heading-run-in\">")
            renderer.escape(number)
            renderer.renderChildren(of: heading)
            if let last = heading.plainText.last, !"。！？：；.!?:;".contains(last) { renderer.emit("。") }
            renderer.emit("</strong>")
        })
        renderChildren(of: paragraph)
        variants(web: { renderer in
            if !tight { renderer.emit("</p>\n") }
        }, print: { renderer in
            renderer.emit("</p>\n")
        })
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
