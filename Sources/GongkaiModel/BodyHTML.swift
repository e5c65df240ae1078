import GongkaiBase
import GongkaiSyntax

/// A report body rendered once, for every page that shows it. What differs between the pages is kept as data: links
/// as their targets (each page resolves them from its own folder) and the parts that the web page and the print page
/// lay out differently (run-in headings) as one variant each. Kept in the model instead of the Markdown tree, which
/// is several times larger.
package struct BodyHTML: Sendable, Equatable {
    /// Which page the body is put on.
    package enum Goal: Sendable { case web, print }

    package enum Fragment: Sendable, Equatable {
        case html(String)
        /// A line break unless what comes before on the page ends with one (cmark-gfm's `cr`), where the renderer
        /// could not know: after variants that end differently.
        case lineEnd
        /// A link's address, resolved and escaped for the page.
        case href(LinkTarget)
        /// What the web page and the print page show differently.
        case variants(web: [Fragment], print: [Fragment])
    }

    package let fragments: [Fragment]

    package init(fragments: [Fragment]) {
        self.fragments = fragments
    }

    package static let empty = BodyHTML(fragments: [])

    /// The body's HTML on one page; `root` leads from the page's folder to the site root (`../../`).
    package func html(for goal: Goal, root: String) -> String {
        var output = ""
        output.reserveCapacity(byteCount)
        Self.append(fragments, goal: goal, root: root, to: &output)
        return output
    }

    /// About the length of one page's body, to reserve its string at once.
    package var byteCount: Int {
        fragments.reduce(0) { total, fragment in
            if case .html(let text) = fragment { return total + text.utf8.count }
            return total + 32
        }
    }

    private static func append(_ fragments: [Fragment], goal: Goal, root: String, to output: inout String) {
        for fragment in fragments {
            switch fragment {
            case .html(let text):
                output += text
            case .lineEnd:
                if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
            case .href(let target):
                HTMLEscaping.escapeHref(root + SiteLayout.path(of: target), into: &output)
            case .variants(let web, let print):
                append(goal == .web ? web : print, goal: goal, root: root, to: &output)
            }
        }
    }
}
