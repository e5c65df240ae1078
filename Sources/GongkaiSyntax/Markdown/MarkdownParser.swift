import CCmarkGFM
import Foundation
import GongkaiBase
import Synchronization

/// Parses Markdown with cmark-gfm and its GitHub extensions (tables, strikethrough, autolinks, task lists,
/// the tag filter) into a `MarkdownNode` tree.
///
/// cmark-gfm is not thread-safe even after registration: every parse's finish changes a global table of special
/// characters (github/cmark-gfm PR #176), so concurrent parses silently drop strikethrough and autolinks. Only that
/// step is one at a time (`finish`); the block phase, copying the tree into Swift values and freeing it touch only
/// their own parser and tree, so they run on every core (`shared/research/cmark-concurrency.md`).
package enum MarkdownParser {
    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// Nodes deeper than this (a thousand nested quotes, say) are kept as plain text: every walk over the tree
    /// is recursive and must not run out of stack. Real reports nest fewer than ten levels.
    package static let maximumDepth = 128

    /// Registers the extensions once, before any parse.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    private static let finishLock = Mutex(())

    /// A new parser with Gongkai's extensions attached; the caller frees it. Registers the extensions first, once.
    package static func newParser(options: Int32 = CMARK_OPT_DEFAULT) -> OpaquePointer {
        _ = registered
        guard let parser = cmark_parser_new(options) else { fatalError("cmark-gfm could not allocate a parser") }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    /// `cmark_parser_finish`, one at a time in the whole process: it is the only step of a parse that writes
    /// cmark-gfm's process-wide tables of special characters (the inline pass adds the extensions' characters and
    /// removes them again), so two finishing at once lose strikethrough and autolinks. Every finish in the process,
    /// the tests' included, goes through here; creating a parser, feeding it and freeing trees run on every core.
    package static func finish(_ parser: OpaquePointer) -> OpaquePointer {
        var root: OpaquePointer?
        finishLock.withLock { _ in root = cmark_parser_finish(parser) }
        guard let root else { fatalError("cmark-gfm returned no document") }
        return root
    }

    package static func parse(_ markdown: String) -> MarkdownNode {
        let root = parseToDocument(markdown)
        defer { cmark_node_free(root) }
        return convert(root, depth: 0)
    }

    /// The document cmark-gfm parsed; the caller frees it.
    private static func parseToDocument(_ markdown: String) -> OpaquePointer {
        let parser = newParser()
        defer { cmark_parser_free(parser) }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        return finish(parser)
    }

    private static func convert(_ node: OpaquePointer, depth: Int) -> MarkdownNode {
        let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        guard depth < maximumDepth else {
            return MarkdownNode(kind: .tooDeep(literalText(of: node)), children: [], line: line, byteColumn: column)
        }
        var count = 0
        var sibling = cmark_node_first_child(node)
        while let current = sibling {
            count += 1
            sibling = cmark_node_next(current)
        }
        // Counted first, so each node's children array is allocated once.
        var children: [MarkdownNode] = []
        children.reserveCapacity(count)
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, depth: depth + 1))
            child = cmark_node_next(current)
        }
        return MarkdownNode(kind: kind(of: node), children: children, line: line, byteColumn: column)
    }

    /// The text of a subtree, gathered with cmark's own iterator, which does not recurse.
    private static func literalText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let current = cmark_iter_get_node(iterator), let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            }
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_ITEM:
            let isTask = string(cmark_node_get_type_string(node)) == "tasklist"
            return .item(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return extensionKind(of: node)
        }
    }

    /// Nodes of the GitHub extensions have run-time types; they are told apart by name.
    private static func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch string(cmark_node_get_type_string(node)) {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            let raw = cmark_gfm_extensions_get_table_alignments(node)
            let alignments: [MarkdownNode.TableAlignment] = (0..<columns).map { index in
                switch raw.map({ $0[index] }) {
                case UInt8(ascii: "l"): return .left
                case UInt8(ascii: "c"): return .center
                case UInt8(ascii: "r"): return .right
                default: return .none
                }
            }
            return .table(alignments: alignments)
        case "table_header", "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default:
            // Footnotes and custom nodes are not enabled, so nothing else reaches here; keep the content visible.
            return .paragraph
        }
    }
}
