import GongkaiModel

/// What site search finds: one entry per section of every report (the text under a heading, and the text before
/// the first), per document of the register, per department and per metric. Made from the model as the build has
/// it, not by reading the pages back.
package struct SearchEntry: Sendable {
    package enum Kind: String, Sendable { case section, document, department, metric }

    package let kind: Kind
    /// Where it is, from the site root: `hs-gdb/2023/#leadership`.
    package let href: String
    /// What a result is headed with: the section's place in the report (`一、（三）2. 强化政策供给`), 《a document》.
    package let path: String
    /// What is searched as its title (a match here ranks first): the heading's own words, without its number.
    package let title: String
    /// What is searched besides: the text under the heading, a document's number and dates.
    package let text: String
    /// The department (its index in `Site.orgs`) and year it belongs to; -1 and 0 for none.
    package let org: Int
    package let year: Int

    /// Every entry of the site, a report's sections and the documents it first names together, in the site's order.
    package static func all(in site: Site) -> [SearchEntry] {
        let orgIndex = Dictionary(site.orgs.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var documentsByReport: [String: [DeclaredDocument]] = [:]
        for (document, citedBy) in site.links.documentRegister {
            if let first = citedBy.first { documentsByReport[first.sitePath, default: []].append(document) }
        }
        var entries: [SearchEntry] = []
        for report in site.reports {
            let org = orgIndex[report.org] ?? -1
            entries.append(SearchEntry(kind: .section, href: report.sitePath, path: report.title, title: report.title, text: report.leadText,
                                       org: org, year: report.year))
            var numbers = [String](repeating: "", count: 8)
            for heading in report.headings {
                let level = min(max(heading.level, 1), 7)
                numbers[level] = heading.number
                for deeper in (level + 1)..<numbers.count { numbers[deeper] = "" }
                let above = numbers[2..<level].joined()
                entries.append(SearchEntry(kind: .section, href: report.sitePath + "#" + heading.id, path: above + heading.number + (heading.number.hasSuffix(".") ? " " : "") + heading.title,
                                           title: heading.title, text: heading.text, org: org, year: report.year))
            }
            for document in documentsByReport[report.sitePath] ?? [] {
                let facts = [document.kind, document.issuer, document.number, document.issued.map { $0.chinese + "印发" },
                             document.effective.map { $0.chinese + "起施行" }].compactMap { $0 }
                entries.append(SearchEntry(kind: .document, href: SiteLayout.documents + "#" + SiteLayout.documentAnchor(document.key),
                                           path: "《" + document.title + "》", title: document.title, text: facts.joined(separator: " "),
                                           org: org, year: report.year))
            }
        }
        for (index, org) in site.orgs.enumerated() {
            entries.append(SearchEntry(kind: .department, href: SiteLayout.org(org.slug), path: org.name, title: org.name,
                                       text: org.shortName == org.name ? "" : org.shortName, org: index, year: 0))
        }
        for key in site.schema.metrics.keys.sorted() {
            guard let metric = site.schema.metrics[key] else { continue }
            entries.append(SearchEntry(kind: .metric, href: SiteLayout.metric(key), path: metric.label, title: metric.label,
                                       text: metric.units.joined(separator: " "), org: -1, year: 0))
        }
        return entries
    }
}
