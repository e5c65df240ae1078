import GongkaiBase
import GongkaiSyntax

/// The portal's identity (`Content/portal.yaml`): what every page's header, footer and meta tags show.
public struct Portal: Sendable {
    public let name: String
    /// The public address the site is published at, ending in `/`; sitemap and feed URLs are built on it.
    public let baseURL: String
    public let language: String
    public let description: String?
    /// 主办单位
    public let sponsor: String
    public let contact: String?
    /// 网站标识码 (10 characters)
    public let siteCode: String
    /// ICP备案号, linked to the MIIT filing site
    public let icpRecord: String
    /// 公安机关备案号, linked to the public-security filing site with its record code
    public let policeRecord: String
    /// Raw HTML written in Markdown is dropped unless this is on.
    public let allowsRawHTML: Bool
    /// The terms the open data (`/data/`) is published under, one line (`data_licence`), stated in its catalogue.
    public let dataLicence: String?
    /// Site search: the search page, the box in every page's header and the index (`search: false` turns it off).
    public let hasSearch: Bool

    package init(name: String, baseURL: String, language: String, description: String?, sponsor: String, contact: String?, siteCode: String,
                 icpRecord: String, policeRecord: String, allowsRawHTML: Bool, dataLicence: String? = nil, hasSearch: Bool = true) {
        self.name = name
        self.baseURL = baseURL
        self.language = language
        self.description = description
        self.sponsor = sponsor
        self.contact = contact
        self.siteCode = siteCode
        self.icpRecord = icpRecord
        self.policeRecord = policeRecord
        self.allowsRawHTML = allowsRawHTML
        self.dataLicence = dataLicence
        self.hasSearch = hasSearch
    }

    /// The digits of the police record ("鄂公网安备 42020002000001号" → "42020002000001"): the filing site's query key.
    public var policeRecordCode: String { policeRecord.filter { $0.isASCII && $0.isNumber } }

    /// The path part of the base URL (`/` or `/reports/`), for pages served at any depth such as 404.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }
}
