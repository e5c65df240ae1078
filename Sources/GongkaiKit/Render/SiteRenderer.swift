import Foundation

/// The render and write stages: turns a `Site` into pages through the templates and hands them to an output.
public struct SiteRenderer {
    let site: Site
    let templates: TemplateSet
    /// The reports whose PDF is published with the site; their pages link to it.
    let reportsWithPDF: ReportSelection

    /// Render pages on every core.
    let parallel: Bool

    public init(site: Site, templates: TemplateSet, reportsWithPDF: ReportSelection = .none, parallel: Bool = true) {
        self.parallel = parallel
        self.site = site
        self.templates = templates
        self.reportsWithPDF = reportsWithPDF
    }

    /// How many headline figures the home page shows per report.
    static let headlineFigureCount = 4

    /// One HTML page to render: its file, its template and the values the template receives.
    /// One HTML page to render: its file, its template and the values the template receives, built on demand.
    struct Page {
        let file: String
        let template: String
        let view: () -> [String: Any]
        /// The page's site path and date in the sitemap; nil for pages not listed there (404).
        let sitemapEntry: (path: String, lastModified: SimpleDate?)?
        /// Whether the selection asks for this page to be rendered.
        let isSelected: Bool
    }

    /// Hands each HTML page to `body` in a stable order, one at a time, so a large site is never held whole.
    func forEachPage(_ selection: RenderSelection = .everything, _ body: (Page) throws -> Void) throws {
        func page(_ view: PageView, template: String, selected: Bool, extra: @escaping () -> [String: Any]) throws {
            try body(Page(file: view.sitePath + "index.html", template: template, view: { view.dictionary.merging(extra()) },
                          sitemapEntry: (view.sitePath, view.published), isSelected: selected))
        }
        try page(PageView(portal: site.portal, sitePath: "", title: site.portal.name, column: "首页", published: nil, source: nil),
                 template: "home", selected: selection.sharedPages) { homeValues(root: "") }
        for org in site.orgs {
            let view = PageView(portal: site.portal, sitePath: "\(org.slug)/", title: org.name, column: org.shortName,
                                published: site.reports(of: org.slug).last?.published, source: org.name)
            try page(view, template: "org", selected: selection.orgs.includes(org.slug)) { orgValues(org, root: view.root) }
        }
        for report in site.reports {
            guard let org = site.org(report.org) else { continue }
            let selected = selection.reports.includes(report.sitePath)
            for page in Self.reportPages(report, org: org, portal: site.portal, schema: site.schema, reportsWithPDF: reportsWithPDF,
                                         selected: selected) {
                try body(page)
            }
        }
        let documentsView = PageView(portal: site.portal, sitePath: "documents/", title: "文件登记", column: "文件登记",
                                     published: nil, source: nil)
        try page(documentsView, template: "documents", selected: selection.sharedPages) { documentsValues(root: documentsView.root) }
        var notFound = PageView(portal: site.portal, sitePath: "", title: "页面不存在", column: "404", published: nil, source: nil)
        notFound.absoluteRoot = site.portal.basePath
        try body(Page(file: "404.html", template: "404", view: { notFound.dictionary }, sitemapEntry: nil, isSelected: selection.sharedPages))
    }

    /// A report's page and its print page.
    static func reportPages(_ report: Report, org: Org, portal: Portal, schema: Schema, reportsWithPDF: ReportSelection,
                            selected: Bool) -> [Page] {
        let view = PageView(portal: portal, sitePath: report.sitePath, title: report.title, column: "法治政府建设年度报告",
                            published: report.published, source: org.name)
        let reportView = ReportView(report: report, org: org, schema: schema, allowsRawHTML: portal.allowsRawHTML,
                                    hasPDF: reportsWithPDF.includes(report.sitePath))
        let printView = PageView(portal: portal, sitePath: SiteLayout.print(org: report.org, year: report.year), title: report.title,
                                 column: "法治政府建设年度报告", published: report.published, source: org.name)
        return [
            Page(file: SiteLayout.file(of: view.sitePath), template: "report",
                 view: { view.dictionary.merging(reportView.dictionary(root: view.root)) },
                 sitemapEntry: (view.sitePath, view.published), isSelected: selected),
            Page(file: SiteLayout.file(of: printView.sitePath), template: "print",
                 view: { printView.dictionary.merging(reportView.printDictionary(root: printView.root)) },
                 sitemapEntry: (printView.sitePath, printView.published), isSelected: selected),
        ]
    }

    /// Writes the selected pages, and with the shared pages the sitemap, robots.txt, the feed and the assets;
    /// returns the number of files written.
    @discardableResult
    public func render(to output: some OutputSink, selection: RenderSelection = .everything) throws -> Int {
        var sitemap: [(path: String, lastModified: SimpleDate?)] = []
        var selected: [Page] = []
        try forEachPage(selection) { page in
            if let entry = page.sitemapEntry { sitemap.append(entry) }
            if page.isSelected { selected.append(page) }
        }
        // Pages are independent: each core builds a page's view, renders and writes it, then lets it go.
        let failures = ParallelMap.map(selected, parallel: parallel) { page -> Error? in
            do {
                try output.write(templates.render(page.view(), page: page.template, file: page.file), to: page.file)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        var written = selected.count
        guard selection.sharedPages else { return written }
        try output.write(Sitemap.xml(baseURL: site.portal.baseURL, pages: sitemap), to: "sitemap.xml")
        try output.write("User-agent: *\nAllow: /\nSitemap: \(site.portal.baseURL)sitemap.xml\n", to: "robots.txt")
        try output.write(AtomFeed.xml(site: site), to: "feed.xml")
        written += 3
        for asset in templates.assets {
            try output.write(try Data(contentsOf: asset.file), to: asset.sitePath)
            written += 1
        }
        return written
    }

    private func homeValues(root: String) -> [String: Any] {
        let latest = site.orgs.compactMap { org in site.reports(of: org.slug).last.map { (org, $0) } }
            .sorted { ($0.1.published, $0.0.slug) > ($1.1.published, $1.0.slug) }
        return [
            "orgs": site.orgs.map { org in
                ["name": org.name, "href": "\(root)\(org.slug)/", "reportCount": String(site.reports(of: org.slug).count)]
            },
            "latest": latest.map { org, report in
                let headlines = report.figures.filter { site.schema.metrics[$0.metric]?.headline == true }
                    .prefix(Self.headlineFigureCount)
                    .map { ["label": site.schema.metrics[$0.metric]?.label ?? $0.metric, "text": $0.text, "value": $0.valueText] }
                return ReportView.summary(report, org: org, root: root)
                    .merging(["headlines": Array(headlines), "hasHeadlines": !headlines.isEmpty])
            },
            "hasReports": !latest.isEmpty,
        ]
    }

    private func orgValues(_ org: Org, root: String) -> [String: Any] {
        [
            "org": present(["name": org.name, "shortName": org.shortName, "parent": org.parent, "code": org.code]),
            "reports": site.reports(of: org.slug).reversed().map { ReportView.summary($0, org: org, root: root) },
        ]
    }

    private func documentsValues(root: String) -> [String: Any] {
        // One line per report that names a document, linking to the first place it does, with how many there are:
        // a register that listed every mention would grow with the text, not with the documents.
        return [
            "documents": site.documentRegister.map { document, citedBy in
                present([
                    "anchor": "doc-\(document.key)",
                    "title": document.title,
                    "kind": document.kind,
                    "issuer": document.issuer,
                    "date": document.issued?.chinese,
                    "dateISO": document.issued?.description,
                    "mentions": citedBy.compactMap { report -> [String: Any]? in
                        let mentions = report.mentions.filter { $0.key == document.key }
                        guard let first = mentions.first else { return nil }
                        return [
                            "href": "\(root)\(report.sitePath)#\(first.anchor)",
                            "report": report.title,
                            "section": first.section,
                            "count": String(mentions.count),
                            "more": mentions.count > 1,
                        ]
                    },
                ])
            },
        ]
    }
}
