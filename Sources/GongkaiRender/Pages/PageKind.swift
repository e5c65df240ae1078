import Foundation
import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The kinds of file the site has. Each page of a kind is declared by `SitePages` with its route and what it reads.
public enum PageKind: String, CaseIterable, Sendable {
    case home, org, report, print, documents, status, commitments, metrics, metric, search, notFound, sitemap, robots, feed, data, asset

    /// What a page of this kind gives its template: the common page view and the kind's own view type.
    var shape: ViewShape? {
        switch self {
        case .home: return PageView.shape.merging(HomeView.shape)
        case .org: return PageView.shape.merging(OrgView.shape)
        case .report: return PageView.shape.merging(ReportPageView.shape)
        case .print: return PageView.shape.merging(PrintPageView.shape)
        case .documents: return PageView.shape.merging(DocumentsView.shape)
        case .status: return PageView.shape.merging(StatusView.shape)
        case .commitments: return PageView.shape.merging(CommitmentsView.shape)
        case .metrics: return PageView.shape.merging(MetricsView.shape)
        case .metric: return PageView.shape.merging(MetricView.shape)
        case .search: return PageView.shape.merging(SearchView.shape)
        case .notFound: return PageView.shape
        case .sitemap, .robots, .feed, .data, .asset: return nil
        }
    }

    /// The template a page of this kind is rendered through; nil for files made without one.
    package var template: String? {
        switch self {
        case .home: return "home"
        case .org: return "org"
        case .report: return "report"
        case .print: return "print"
        case .documents: return "documents"
        case .status: return "status"
        case .commitments: return "commitments"
        case .metrics: return "metrics"
        case .metric: return "metric"
        case .search: return "search"
        case .notFound: return "404"
        case .sitemap, .robots, .feed, .data, .asset: return nil
        }
    }
}

/// What a page reads. A page whose inputs have the fingerprints they had when it was rendered renders to the same
/// bytes: the preview re-renders exactly the pages with an input that changed.
package enum PageInput: Hashable, Sendable {
    case site(SiteInput)
    /// A page template, with the partials and parents it names (`TemplateSet.fingerprints`).
    case template(String)
    /// One asset's bytes, by site path.
    case asset(String)
    /// Whether a report's PDF is published beside its page, by the report's site path.
    case pdf(String)
}

/// One file of the site, as its kind declares it.
package struct Page: Sendable {
    package let kind: PageKind
    /// Where it is written: `hs-gdb/2023/index.html`.
    package let file: String
    package let inputs: [PageInput]
    /// The page's site path and date in the sitemap; nil for files not listed there.
    package let sitemapEntry: (path: String, lastModified: SimpleDate?)?
    /// What a page with a template gives it (nil for the other files).
    package var view: (@Sendable () -> [String: Any])? = nil
    /// Renders the file; called on any core.
    package let content: @Sendable () throws -> PageContent

    /// The report whose body the page shows (by site path): the page reads all of that report.
    package var reportShown: String? {
        for case .site(.report(let sitePath)) in inputs { return sitePath }
        return nil
    }
}

package enum PageContent: Sendable {
    case text(String)
    case data(Data)
}
