import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// `sitemap.xml` with absolute URLs on the portal's base URL.
package enum Sitemap {
    package static func xml(baseURL: String, pages: [(path: String, lastModified: SimpleDate?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "  <url><loc>\(HTMLEscaping.escape(baseURL + page.path))</loc>"
            if let date = page.lastModified { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
