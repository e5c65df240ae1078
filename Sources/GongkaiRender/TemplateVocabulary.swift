import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Every name the views give the templates, at any depth. Mustache renders a name nobody provides as nothing,
/// silently; `check` warns about template names outside this list. A test keeps it equal to what the views hold.
package enum TemplateVocabulary {
    package static let names: Set<String> = [
        // every page (PageView)
        "root", "lang", "title", "pageTitle", "canonicalURL", "nav", "href", "current",
        "meta", "siteName", "siteDomain", "siteCode", "columnName", "articleTitle", "pubDate", "contentSource", "description",
        "portal", "name", "sponsor", "contact", "icpRecord", "policeRecord", "policeRecordURL", "icpURL",
        // home
        "orgs", "reportCount", "latest", "headlines", "hasHeadlines", "hasReports", "label", "text", "value",
        // department
        "org", "shortName", "parent", "code", "reports",
        // report and report summaries
        "report", "year", "orgShort", "orgHref", "indexNumber", "documentNumber", "written", "published", "publishedISO",
        "isDraft", "toc", "number", "id", "children", "hasChildren", "body", "figures", "metric", "hasFigures",
        "documents", "date", "hasDocuments", "printHref", "pdfHref",
        // print page
        "signatureDate", "subject",
        // documents register
        "anchor", "kind", "issuer", "dateISO", "mentions", "section", "count", "more",
    ]
}
