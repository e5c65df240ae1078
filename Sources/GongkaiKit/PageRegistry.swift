import GongkaiModel
import GongkaiRender

/// The page registry as a build or the preview takes it: every page with its fingerprint.
struct PageRegistry {
    let pages: SitePages
    let all: [Page]
    let fingerprints: [UInt64]

    /// - Parameter previous: the fingerprint of every file the last build (or the preview's last rebuild) rendered.
    ///   When its search index files are there with the fingerprints they would have now, the index has the layout
    ///   they had, and it is made only if one of them must be rendered again: a rebuild after a template edit, or
    ///   with nothing changed, does not index every report again.
    /// - Parameter keepingSearchLayout: take the layout of the search files in `previous` even when their inputs
    ///   changed, for a caller that renders them later from an index of its own (the preview's deferred index).
    init(site: Site, templates: TemplateSet, reportsWithPDF: ReportSelection, previous: [String: UInt64], keepingSearchLayout: Bool = false) {
        let renderer = SiteRenderer(site: site, templates: templates, reportsWithPDF: reportsWithPDF)
        func registry(_ layout: SearchLayout?) -> (SitePages, [Page], [UInt64]) {
            let registry = SitePages(site: site, templates: templates, reportsWithPDF: reportsWithPDF, searchLayout: layout)
            let pages = registry.all()
            return (registry, pages, pages.map(renderer.fingerprint))
        }
        if site.portal.hasSearch, let layout = SearchLayout(files: previous.keys) {
            let reused = registry(layout)
            if keepingSearchLayout || zip(reused.1, reused.2).allSatisfy({ page, fingerprint in !SearchIndex.isIndexFile(page.file) || previous[page.file] == fingerprint }) {
                (pages, all, fingerprints) = reused
                return
            }
        }
        (pages, all, fingerprints) = registry(nil)
    }
}
