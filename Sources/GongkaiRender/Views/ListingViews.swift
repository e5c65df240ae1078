import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// The values of the pages that list reports: the home page, a department's page, the documents register.
package struct ListingViews {
    package let site: Site

    /// How many headline figures the home page shows per report.
    package static let headlineFigureCount = 4

    package func home(root: String) -> [String: Any] {
        let latest = site.orgs.compactMap { org in site.reports(of: org.slug).last.map { (org, $0) } }
            .sorted { ($0.1.published, $0.0.slug) > ($1.1.published, $1.0.slug) }
        return [
            "orgs": site.orgs.map { org in
                ["name": org.name, "href": root + SiteLayout.org(org.slug), "reportCount": String(site.reports(of: org.slug).count)]
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

    package func org(_ org: Org, root: String) -> [String: Any] {
        [
            "org": present(["name": org.name, "shortName": org.shortName, "parent": org.parent, "code": org.code]),
            "reports": site.reports(of: org.slug).reversed().map { ReportView.summary($0, org: org, root: root) },
        ]
    }

    package func documents(root: String) -> [String: Any] {
        // One line per report that names a document, linking to the first place it does, with how many there are:
        // a register that listed every mention would grow with the text, not with the documents.
        return [
            "documents": site.documentRegister.map { document, citedBy in
                present([
                    "anchor": SiteLayout.documentAnchor(document.key),
                    "title": document.title,
                    "kind": document.kind,
                    "issuer": document.issuer,
                    "date": document.issued?.chinese,
                    "dateISO": document.issued?.description,
                    "mentions": citedBy.compactMap { report -> [String: Any]? in
                        let mentions = report.mentions.filter { $0.key == document.key }
                        guard let first = mentions.first else { return nil }
                        return [
                            "href": root + report.sitePath + "#" + first.anchor,
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
