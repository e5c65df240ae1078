import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The page registry: every file of the site, in a stable order, each with its route (from `SiteLayout`), its
/// template and what it reads. The build renders them all; the preview renders those whose inputs changed.
package struct SitePages: Sendable {
    package let site: Site
    package let templates: TemplateSet
    /// The reports whose PDF is published with the site; their pages link to it.
    package let reportsWithPDF: ReportSelection

    /// What became of every report's commitments, for the commitments page and each report page.
    package let commitments: Commitments
    /// Every metric's figures across departments and years, for the metric pages.
    package let metricIndex: MetricIndex
    /// What the metric pages read: the catalogue and every report's figures. Made once, shared by every metric page.
    private let figureInputs: [PageInput]
    /// Site search's files, when the portal has search.
    private let search: SearchFiles?

    /// - Parameter searchLayout: the layout of the search index as a build made it from the same inputs, so that the
    ///   index is made only if one of its files is rendered; nil makes it now.
    package init(site: Site, templates: TemplateSet, reportsWithPDF: ReportSelection, searchLayout: SearchLayout? = nil) {
        self.site = site
        commitments = Commitments(reports: site.reports)
        metricIndex = MetricIndex(site: site)
        self.templates = templates
        self.reportsWithPDF = reportsWithPDF
        figureInputs = [.site(.schema), .site(.orgList), .site(.reportList)] + Self.everyOrg(in: site)
            + Self.every(SiteInput.reportSummary, in: site) + Self.every(SiteInput.reportFigures, in: site)
        search = site.portal.hasSearch ? SearchFiles(site: site, layout: searchLayout) : nil
    }

    /// Whether the search index has been made (it is, when asked for, unless a layout was given).
    package var searchIndexIsMade: Bool { search?.isMade ?? false }

    /// Every file: the HTML pages, then the sitemap of those, robots.txt, the feed and the assets.
    package func all() -> [Page] {
        var pages = [home()] + site.orgs.map(org) + site.reports.flatMap(reportPages) + [documents(), status(), commitmentsPage(), metricsPage()]
            + site.schema.metrics.keys.sorted().compactMap { site.schema.metrics[$0] }.map(metricPage) + searchPage() + [notFound()]
        let entries = pages.compactMap(\.sitemapEntry)
        pages += [sitemap(entries), robots(), feed()] + portalData() + searchIndex() + templates.assets.map(asset)
        return pages
    }

    /// What listing pages read of reports: only what their views give of each (`ReportSummary` and the like), so a
    /// report's text alone changes none of them.
    private func every(_ input: (String) -> SiteInput) -> [PageInput] { Self.every(input, in: site) }
    private var everyOrg: [PageInput] { Self.everyOrg(in: site) }
    private static func every(_ input: (String) -> SiteInput, in site: Site) -> [PageInput] { site.reports.map { .site(input($0.sitePath)) } }
    private static func everyOrg(in site: Site) -> [PageInput] { site.orgs.map { .site(.org($0.slug)) } }

    /// An HTML page through its kind's template: the common view of every page plus the kind's own values.
    private func html(_ kind: PageKind, _ view: PageView, file: String? = nil, inputs: [PageInput], listed: Bool = true,
                      values: @escaping @Sendable (PageView) -> [String: Any]) -> Page {
        let template = kind.template!
        let file = file ?? SiteLayout.file(of: view.sitePath)
        let values: @Sendable () -> [String: Any] = { view.dictionary.merging(values(view)) }
        return Page(kind: kind, file: file, inputs: [.site(.portal), .template(template)] + inputs,
                    sitemapEntry: listed ? (view.sitePath, view.published) : nil,
                    view: values) { [templates] in .data(Data(try templates.render(values(), page: template, file: file))) }
    }

    private func home() -> Page {
        let view = PageView(portal: site.portal, sitePath: SiteLayout.home, title: site.portal.name, column: "首页", published: nil, source: nil)
        // At a glance: the reports' dates against the deadline (summaries, schema) and their commitments (plans).
        return html(.home, view, inputs: [.site(.schema), .site(.orgList), .site(.reportList)] + everyOrg + every(SiteInput.reportSummary)
                        + every(SiteInput.reportFigures) + every(SiteInput.reportPlans)) { [site, commitments] view in
            HomeView(site: site, commitments: commitments).values(root: view.root)
        }
    }

    private func org(_ org: Org) -> Page {
        let reports = site.reports(of: org.slug)
        let view = PageView(portal: site.portal, sitePath: SiteLayout.org(org.slug), title: org.name, column: org.shortName,
                            published: reports.last?.published, source: org.name)
        // Its charts read its reports' figures and the metric catalogue.
        return html(.org, view, inputs: [.site(.org(org.slug)), .site(.reportList), .site(.schema)] + reports.map { .site(.reportSummary($0.sitePath)) }
                        + reports.map { .site(.reportFigures($0.sitePath)) }) { [site, metricIndex] view in
            OrgView(site: site, org: org, index: metricIndex).values(root: view.root)
        }
    }

    /// A report's page and its print page, what the body is shown on, and its data files, which read only what they
    /// hold of the report (its figures, documents and commitments), not its text.
    package func reportPages(_ report: Report) -> [Page] {
        guard let org = site.org(report.org) else { return [] }
        var webView = ReportPageView(report: report, org: org, schema: site.schema, hasPDF: reportsWithPDF.includes(report.sitePath))
        webView.commitments = commitments.byReport.first { $0.report.sitePath == report.sitePath }?.items ?? []
        webView.previous = site.reports(of: report.org).last { $0.year < report.year }
        // The page shows what became of its commitments: whether a later report of the department exists and links them.
        let path = report.sitePath
        let data: [PageInput] = [.site(.portal), .site(.schema), .site(.reportSummary(path)), .site(.reportFigures(path)),
                                 .site(.reportDocuments(path)), .site(.reportPlans(path))]
        let later = site.reports(of: report.org).filter { $0.year > report.year }.map { PageInput.site(.reportPlans($0.sitePath)) }
        let printView = PrintPageView(report: report, org: org)
        let reads: [PageInput] = [.site(.schema), .site(.org(org.slug)), .site(.report(report.sitePath))]
        let web = PageView(portal: site.portal, sitePath: report.sitePath, title: report.title, column: "法治政府建设年度报告",
                           published: report.published, source: org.name)
        let print = PageView(portal: site.portal, sitePath: SiteLayout.print(org: report.org, year: report.year), title: report.title,
                             column: "法治政府建设年度报告", published: report.published, source: org.name)
        return [
            html(.report, web, inputs: reads + [.pdf(report.sitePath), .site(.reportList)] + later
                    + (webView.previous.map { [.site(.reportFigures($0.sitePath))] } ?? [])) { [webView] in webView.values(root: $0.root) },
            html(.print, print, inputs: reads) { printView.values(root: $0.root) },
            Page(kind: .data, file: SiteLayout.dataJSON(org: report.org, year: report.year), inputs: data + [.site(.reportList)] + later,
                 sitemapEntry: nil) { [site, webView] in
                .data(DataExport.reportJSON(report, schema: site.schema, baseURL: site.portal.baseURL, commitments: webView.commitments))
            },
            Page(kind: .data, file: SiteLayout.dataCSV(org: report.org, year: report.year), inputs: data, sitemapEntry: nil) { [site] in
                .data(DataExport.reportCSV(report, schema: site.schema, baseURL: site.portal.baseURL))
            },
        ]
    }

    private func documents() -> Page {
        let view = PageView(portal: site.portal, sitePath: SiteLayout.documents, title: "文件登记", column: "文件登记", published: nil, source: nil)
        return html(.documents, view, inputs: [.site(.reportList)] + every(SiteInput.reportSummary) + every(SiteInput.reportDocuments)) { [site] view in
            DocumentsView(site: site).values(root: view.root)
        }
    }

    /// Who published which year's report, and on time: reads the reports' dates (their summaries) and the deadline.
    private func status() -> Page {
        let view = PageView(portal: site.portal, sitePath: SiteLayout.status, title: "公开情况", column: "公开情况", published: nil, source: nil)
        return html(.status, view, inputs: [.site(.schema), .site(.orgList), .site(.reportList)] + everyOrg + every(SiteInput.reportSummary)) { [site] view in
            StatusView(site: site).values(root: view.root)
        }
    }

    /// Every commitment and what became of it: reads every report's plan items and `plan:` links (not its text: a
    /// page reading `.report` would be taken for that report's own page).
    private func commitmentsPage() -> Page {
        let view = PageView(portal: site.portal, sitePath: SiteLayout.commitments, title: "承诺落实", column: "承诺落实", published: nil, source: nil)
        return html(.commitments, view, inputs: [.site(.orgList), .site(.reportList)] + everyOrg + every(SiteInput.reportSummary)
                        + every(SiteInput.reportPlans)) { [site, commitments] view in
            CommitmentsView(site: site, commitments: commitments).values(root: view.root)
        }
    }

    private func metricsPage() -> Page {
        let view = PageView(portal: site.portal, sitePath: SiteLayout.metrics, title: "指标", column: "指标", published: nil, source: nil)
        return html(.metrics, view, inputs: figureInputs) { [site, metricIndex] view in
            MetricsView(site: site, index: metricIndex).values(root: view.root)
        }
    }

    private func metricPage(_ metric: MetricDefinition) -> Page {
        let view = PageView(portal: site.portal, sitePath: SiteLayout.metric(metric.key), title: metric.label, column: "指标", published: nil, source: nil)
        return html(.metric, view, inputs: figureInputs) { [site, metricIndex] view in
            MetricView(site: site, index: metricIndex, metric: metric).values(root: view.root)
        }
    }

    /// The search page: its filters read the departments and years. Not in the sitemap: it has no content of its own,
    /// and is reached by the header's form, not by a link.
    private func searchPage() -> [Page] {
        guard search != nil else { return [] }
        let view = PageView(portal: site.portal, sitePath: SiteLayout.search, title: "站内搜索", column: "站内搜索", published: nil, source: nil)
        return [html(.search, view, inputs: [.site(.orgList), .site(.reportList)] + everyOrg, listed: false) { [site] view in
            SearchView(site: site).values(root: view.root)
        }]
    }

    /// The index's files (`SearchIndex`): they read every report's text and documents, the departments and the
    /// metric catalogue.
    private func searchIndex() -> [Page] {
        guard let search else { return [] }
        let inputs: [PageInput] = [.site(.portal), .site(.schema), .site(.orgList), .site(.reportList), .site(.searchSources)]
        func file(_ path: String, _ bytes: @escaping @Sendable () -> Data) -> Page {
            Page(kind: .data, file: path, inputs: inputs, sitemapEntry: nil) { .data(bytes()) }
        }
        let layout = search.layout
        return [file(SearchIndex.manifest) { search.index.manifestJSON() }]
            + (0..<layout.shards).map { number in file(SearchIndex.shardFile(number)) { search.shard(number) } }
            + (0..<layout.lists).map { number in file(SearchIndex.listFile(number)) { search.list(number) } }
            + (0..<layout.chunks).map { number in file(SearchIndex.chunkFile(number)) { search.chunk(number) } }
    }

    /// Served for any missing address, so its links lead from the base URL's path, not from its own folder.
    private func notFound() -> Page {
        var view = PageView(portal: site.portal, sitePath: SiteLayout.home, title: "页面不存在", column: "404", published: nil, source: nil)
        view.absoluteRoot = site.portal.basePath
        return html(.notFound, view, file: SiteLayout.notFound, inputs: [], listed: false) { _ in [:] }
    }

    /// The portal's open data in `/data/`: every report's figures (their figures, summaries and the metric catalogue),
    /// commitments (their plan items and `plan:` links), the documents register, the data dictionary and the schema.
    private func portalData() -> [Page] {
        let base: [PageInput] = [.site(.portal), .site(.reportList)] + every(SiteInput.reportSummary)
        func data(_ file: String, _ inputs: [PageInput], _ bytes: @escaping @Sendable () -> Data) -> Page {
            Page(kind: .data, file: file, inputs: inputs, sitemapEntry: nil) { .data(bytes()) }
        }
        return [
            data(SiteLayout.figuresCSV, base + [.site(.schema)] + every(SiteInput.reportFigures)) { [site] in DataExport.figuresCSV(site) },
            data(SiteLayout.commitmentsCSV, base + every(SiteInput.reportPlans)) { [site, commitments] in
                DataExport.commitmentsCSV(commitments, baseURL: site.portal.baseURL)
            },
            data(SiteLayout.documentsCSV, base + every(SiteInput.reportDocuments)) { [site] in DataExport.documentsCSV(site) },
            data(SiteLayout.catalogJSON, [.site(.portal), .site(.schema)]) { [site] in DataCatalog.json(site) },
            data(SiteLayout.schemaJSON, [.site(.portal), .site(.schema)]) { [site] in SchemaJSON.json(site) },
        ]
    }

    private func sitemap(_ entries: [(path: String, lastModified: SimpleDate?)]) -> Page {
        Page(kind: .sitemap, file: SiteLayout.sitemap, inputs: [.site(.portal), .site(.orgList), .site(.reportList)] + every(SiteInput.reportSummary),
             sitemapEntry: nil) { [site] in .text(Sitemap.xml(baseURL: site.portal.baseURL, pages: entries)) }
    }

    private func robots() -> Page {
        Page(kind: .robots, file: SiteLayout.robots, inputs: [.site(.portal)], sitemapEntry: nil) { [site] in
            .text("User-agent: *\nAllow: /\nSitemap: \(site.portal.baseURL)\(SiteLayout.sitemap)\n")
        }
    }

    private func feed() -> Page {
        Page(kind: .feed, file: SiteLayout.feed, inputs: [.site(.portal), .site(.orgList), .site(.reportList)] + everyOrg + every(SiteInput.reportSummary),
             sitemapEntry: nil) { [site] in .text(AtomFeed.xml(site: site)) }
    }

    private func asset(_ asset: TemplateSet.Asset) -> Page {
        Page(kind: .asset, file: asset.sitePath, inputs: [.asset(asset.sitePath)], sitemapEntry: nil) {
            .data(try Data(contentsOf: asset.file))
        }
    }
}
