import GongkaiBase
import GongkaiSyntax

/// Where everything is on the site: every URL and anchor the pages, the bodies, the feed, the sitemap and the PDF
/// step use comes from here, so a page moves by changing one line. Site paths are relative to the site root and
/// end in `/` for folders (`hs-gdb/2023/`); pages link relatively (`root(of:)`), so a site works under any base path
/// and from the file system.
public enum SiteLayout {
    public static let home = ""
    public static let documents = "documents/"
    public static let status = "status/"
    public static let commitments = "commitments/"
    public static let metrics = "metrics/"
    public static let search = "search/"
    public static func metric(_ key: String) -> String { "metrics/\(key)/" }
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    public static let feed = "feed.xml"

    public static func org(_ slug: String) -> String { "\(slug)/" }

    public static func report(org: String, year: Int) -> String { "\(org)/\(year)/" }

    /// The print page, a folder below its report page.
    public static func print(org: String, year: Int) -> String { report(org: org, year: year) + printFolder }
    public static let printFolder = "print/"

    /// The report's PDF, beside its page.
    public static func pdf(org: String, year: Int) -> String { report(org: org, year: year) + pdfFile }
    public static let pdfFile = "report.pdf"

    /// The file a folder's page is written to.
    public static func file(of sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// `../../` for `hs-gdb/2023/`: the relative path from a page's folder to the site root.
    public static func root(of folder: String) -> String {
        String(repeating: "../", count: folder.split(separator: "/").count)
    }

    /// The anchor of a document's entry in the register.
    public static func documentAnchor(_ key: String) -> String { "doc-\(key)" }

    /// The anchor of a metric's figure on a report page (a report gives one value per metric).
    public static func figureAnchor(_ metric: String) -> String { "fig-\(metric)" }

    /// A report's data files, beside its page.
    public static func dataJSON(org: String, year: Int) -> String { report(org: org, year: year) + dataJSONFile }
    public static func dataCSV(org: String, year: Int) -> String { report(org: org, year: year) + dataCSVFile }
    public static let dataJSONFile = "data.json"
    public static let dataCSVFile = "data.csv"
    /// The portal's open data: every report's figures, commitments and documents, the data dictionary, the schema.
    public static let dataFolder = "data/"
    public static let figuresCSV = dataFolder + "figures.csv"
    public static let commitmentsCSV = dataFolder + "commitments.csv"
    public static let documentsCSV = dataFolder + "documents.csv"
    public static let catalogJSON = dataFolder + "catalog.json"
    public static let schemaJSON = dataFolder + "schema.json"

    /// The anchor of a report's `count`-th `plan:` link: a measure delivering an earlier commitment.
    public static func deliveryAnchor(_ count: Int) -> String { "delivers-\(count)" }

    /// The anchor of the `count`-th place a report names a document.
    public static func mentionAnchor(_ key: String, _ count: Int) -> String { "ref-\(key)-\(count)" }

    /// The site path, with its fragment, of what a semantic link in a body points at.
    public static func path(of target: LinkTarget) -> String {
        switch target {
        case .document(let key): return documents + "#" + documentAnchor(key)
        case .plan(let org, let year, let id): return report(org: org, year: year) + "#" + id
        case .page(let path, let fragment): return path + (fragment.map { "#" + $0 } ?? "")
        }
    }
}
