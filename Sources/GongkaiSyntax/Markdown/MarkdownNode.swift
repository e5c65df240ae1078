import Foundation
import GongkaiBase

/// A Markdown syntax tree as Swift values, copied out of cmark-gfm's tree so that numbering, checking and
/// rendering never touch C pointers.
package struct MarkdownNode: Sendable {
    package enum Kind: Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// `task` is nil for an ordinary item, else whether its box is checked.
        case item(task: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(url: String, title: String)
        case image(url: String, title: String)

        // Gongkai's own nodes, put in place of plain ones by `ReportAnalyzer`.
        /// Inline content without markup of its own: what a semantic link that could not be resolved leaves.
        case group
        /// Content nested deeper than the parser keeps, as its plain text.
        case tooDeep(String)
        /// A heading with its generated number (一、（一）1.（1）) and anchor.
        case numberedHeading(level: Int, number: String, id: String)
        /// A `metric:` link: the figure as data; the children are the text as written. Boxed: it is the largest
        /// payload, and every node of a report would otherwise be as big as it.
        indirect case figure(Figure)
        /// A `doc:` or `plan:` link to what it points at (the layout gives each page its address), with an anchor of
        /// its own where other pages link back to the place.
        case reference(ReferenceKind, target: LinkTarget, anchor: String?)
    }

    package enum ReferenceKind: String, Sendable { case document = "doc-ref", plan = "plan-ref", page = "page-ref" }

    package enum TableAlignment: Sendable { case none, left, center, right }

    package var kind: Kind
    package var children: [MarkdownNode]
    /// 1-based line and byte column within the Markdown body, as cmark-gfm reports them (0 when unknown).
    package var line: Int
    package var byteColumn: Int

    package init(kind: Kind, children: [MarkdownNode], line: Int, byteColumn: Int) {
        self.kind = kind
        self.children = children
        self.line = line
        self.byteColumn = byteColumn
    }

    /// Whether raw HTML is nothing but one HTML comment (`<!-- 待核实 -->`): an editor's note, never published.
    package static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return false }
        return trimmed.dropFirst(4).dropLast(3).range(of: "-->") == nil
    }

    /// The text of the node's inline content, without markup: for headings, image alt text and figure parsing.
    package var plainText: String {
        switch kind {
        case .text(let text), .code(let text), .tooDeep(let text): return text
        case .softBreak, .lineBreak: return " "
        default: return children.count == 1 ? children[0].plainText : children.map(\.plainText).joined()
        }
    }

    /// The first and last character of `plainText`, found without building it: the renderer asks for them at every
    /// line break, to tell Chinese text (no space) from words.
    package var firstCharacter: Character? {
        switch kind {
        case .text(let text), .code(let text), .tooDeep(let text): return text.first
        case .softBreak, .lineBreak: return " "
        default: return children.lazy.compactMap(\.firstCharacter).first
        }
    }

    package var lastCharacter: Character? {
        switch kind {
        case .text(let text), .code(let text), .tooDeep(let text): return text.last
        case .softBreak, .lineBreak: return " "
        default: return children.reversed().lazy.compactMap(\.lastCharacter).first
        }
    }
}
