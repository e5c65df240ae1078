import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Turns `report:` links (`report:2022`, `report:hs-gdb/2022#plans`) and relative links (`../2022/`) into references
/// to pages of the portal by site path, checked once every report is read (`CrossReferenceCheck`). A relative link
/// is resolved from the report page; the reference then addresses it from every page showing the body, the print
/// page a folder deeper included. Links with a scheme (`https:`, `mailto:`), from the server root (`/`) or within
/// the page (`#…`) are left as written.
struct PageLinks {
    private(set) var references: [PageReference] = []

    /// A `report:` link, called once the link's children are analysed.
    mutating func visitReport(_ node: inout MarkdownNode, target: String, in context: inout BodyContext) {
        let here = context.location(of: node)
        let (path, fragment) = Self.split(target)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let org = parts.count == 2 ? String(parts[0]) : context.org
        guard parts.count <= 2, !org.isEmpty, let year = Int(parts.last!) else {
            node.kind = .group
            context.diagnostics.append(.error("link.malformed", at: here, "`report:\(target)` is not a report reference" | "`report:\(target)` 不是有效的报告引用",
                                              hint: "write report:YEAR or report:ORG/YEAR, with #ID for a section: report:\(context.year - 1)#plans"
                                                | "写作 report:年度 或 report:部门/年度，引用章节加 #id：report:\(context.year - 1)#plans"))
            return
        }
        record(&node, path: SiteLayout.report(org: org, year: year), fragment: fragment, written: "report:\(target)", at: here)
    }

    /// Any other link: a relative one becomes a reference.
    mutating func visitLink(_ node: inout MarkdownNode, url: String, in context: inout BodyContext) {
        guard Self.isRelative(url) else { return }
        let here = context.location(of: node)
        let (path, fragment) = Self.split(url)
        guard let resolved = Self.resolve(path, from: SiteLayout.report(org: context.org, year: context.year)) else {
            context.diagnostics.append(.error("link.outside-portal", at: here, "`\(url)` leads outside the portal" | "`\(url)` 指向门户之外",
                                              hint: "link to a page of the portal, or write the full address (https://…)"
                                                | "请链接门户中的页面，或写出完整网址（https://…）"))
            return
        }
        record(&node, path: resolved, fragment: fragment, written: url, at: here)
    }

    private mutating func record(_ node: inout MarkdownNode, path: String, fragment: String?, written: String, at location: SourceLocation) {
        references.append(PageReference(path: path, fragment: fragment, written: written, location: location))
        node.kind = .reference(.page, target: .page(path: path, fragment: fragment), anchor: nil)
    }

    /// Neither a scheme (`https:`, `mailto:`) nor the server's root (`/`, `//`) nor this page (`#…`, empty).
    static func isRelative(_ url: String) -> Bool {
        guard let first = url.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#") else { return false }
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return false
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return true
            default: continue
            }
        }
        return true
    }

    /// The path and the fragment; a query is dropped (the portal's pages take none).
    static func split(_ url: String) -> (path: String, fragment: String?) {
        let hash = url.firstIndex(of: "#")
        let fragment = hash.map { String(url[url.index(after: $0)...]) }.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding ?? $0 }
        var path = hash.map { String(url[..<$0]) } ?? url
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return (path, fragment)
    }

    /// The site path `relative` leads to from the folder `base` (`hs-gdb/2023/`); nil when it climbs above the root.
    /// A folder's `index.html` is the folder, and a last segment without an extension is taken as a folder, as the
    /// web server redirects `../2022` to `../2022/`.
    static func resolve(_ relative: String, from base: String) -> String? {
        var segments = base.split(separator: "/").map(String.init)
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map { $0.removingPercentEncoding ?? String($0) }
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            switch part {
            case ".", "": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            case "index.html" where last:
                continue
            default:
                segments.append(part)
                if last, part.contains(".") { return segments.joined(separator: "/") }
            }
        }
        return segments.isEmpty ? "" : segments.joined(separator: "/") + "/"
    }
}
