import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// What every page's template receives: the portal's identity, the page's meta data and the path to the site root.
///
/// Views are dictionaries of pre-formatted strings: swift-mustache looks them up without reflection, and a template
/// never formats a date itself.
package struct PageView {
    package let portal: Portal
    /// The page's own site path (`hs-gdb/2023/`), empty for the home page.
    package let sitePath: String
    package let title: String
    /// 栏目: the section of the site the page belongs to (ColumnName).
    package let column: String
    package let published: SimpleDate?
    /// ContentSource: the department a report comes from, else the portal's sponsor.
    package let source: String?
    /// Overrides the relative root for pages served at any address (404).
    package var absoluteRoot: String?

    /// `../../` for `hs-gdb/2023/`: relative links keep working under any base path and from the file system.
    package var root: String {
        if let absoluteRoot { return absoluteRoot }
        let depth = sitePath.split(separator: "/").count
        return String(repeating: "../", count: depth)
    }

    /// What every page's template receives, whatever its kind.
    package static let shape = ViewShape.object([
        "root": .value, "lang": .value, "title": .value, "pageTitle": .value, "canonicalURL": .value,
        "nav": .list(["title": .value, "href": .value, "current": .flag]),
        "meta": .object([
            "siteName": .value, "siteDomain": .value, "siteCode": .value, "columnName": .value, "articleTitle": .value,
            "pubDate": .value, "contentSource": .value, "description": .value,
        ]),
        "search": .object(["href": .value]),
        "portal": .object([
            "name": .value, "sponsor": .value, "contact": .value, "siteCode": .value, "icpRecord": .value,
            "policeRecord": .value, "policeRecordURL": .value, "icpURL": .value,
        ]),
    ])

    package var dictionary: [String: Any] {
        let navigation: [[String: Any]] = [
            ["title": "首页", "href": root, "current": column == "首页"],
            ["title": "文件登记", "href": root + SiteLayout.documents, "current": column == "文件登记"],
            ["title": "指标", "href": root + SiteLayout.metrics, "current": column == "指标"],
            ["title": "承诺落实", "href": root + SiteLayout.commitments, "current": column == "承诺落实"],
            ["title": "公开情况", "href": root + SiteLayout.status, "current": column == "公开情况"],
        ]
        var values: [String: Any] = [
            "root": root,
            "lang": portal.language,
            "title": title,
            "pageTitle": title == portal.name ? portal.name : "\(title) - \(portal.name)",
            "canonicalURL": portal.baseURL + sitePath,
            "nav": navigation,
            "meta": present([
                "siteName": portal.name,
                "siteDomain": Self.host(of: portal.baseURL),
                "siteCode": portal.siteCode,
                "columnName": column,
                "articleTitle": title,
                "pubDate": published.map { "\($0) 00:00" },
                "contentSource": source ?? portal.sponsor,
                "description": portal.description ?? portal.name,
            ]),
            "portal": present([
                "name": portal.name,
                "sponsor": portal.sponsor,
                "contact": portal.contact,
                "siteCode": portal.siteCode,
                "icpRecord": portal.icpRecord,
                "policeRecord": portal.policeRecord,
                "policeRecordURL": "https://beian.mps.gov.cn/#/query/webSearch?code=\(portal.policeRecordCode)",
                "icpURL": "https://beian.miit.gov.cn/",
            ]),
        ]
        // The header's search box leads to the search page; a portal without search has neither.
        if portal.hasSearch { values["search"] = ["href": root + SiteLayout.search] }
        return values
    }

    package static func host(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        return String(url[schemeEnd.upperBound...].prefix { $0 != "/" })
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The page's common view with the page-specific values added.
    package func merging(_ other: [String: Any]) -> [String: Any] {
        merging(other) { _, new in new }
    }
}

/// A view's values without the absent ones: swift-mustache treats a nil inside `Any` as present (and prints "nil"),
/// while a missing key is false in `{{#name}}` and empty in `{{name}}`.
package func present(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
}
