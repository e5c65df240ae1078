import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// `feed.xml`: an Atom entry per published report, newest first. Dates come from the reports, never the clock,
/// so the feed is the same on every build.
package enum AtomFeed {
    package static func xml(site: Site) -> String {
        let portal = site.portal
        let reports = site.reports.filter { $0.status == .published }
            .sorted { ($0.published, $0.org) > ($1.published, $1.org) }
        let updated = reports.first.map { timestamp($0.published) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(portal.language))">
              <title>\(escape(portal.name))</title>
              <id>\(escape(portal.baseURL))</id>
              <link rel="alternate" type="text/html" href="\(escape(portal.baseURL))"/>
              <link rel="self" type="application/atom+xml" href="\(escape(portal.baseURL))feed.xml"/>
              <updated>\(updated)</updated>
              <author><name>\(escape(portal.sponsor))</name></author>

            """
        for report in reports {
            let url = portal.baseURL + report.sitePath
            let orgName = site.org(report.org)?.name ?? report.org
            xml += """
                  <entry>
                    <title>\(escape(report.title))</title>
                    <id>\(escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(escape(url))"/>
                    <published>\(timestamp(report.published))</published>
                    <updated>\(timestamp(report.published))</updated>
                    <author><name>\(escape(orgName))</name></author>
                    <summary>\(escape("\(orgName) \(report.year) 年度报告，公开日期 \(report.published.chinese)"))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    private static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// Midnight China Standard Time of the date, as RFC 3339.
    private static func timestamp(_ date: SimpleDate) -> String { "\(date)T00:00:00+08:00" }
}
