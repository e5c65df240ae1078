/// Which pages a render writes: everything for a build; for the preview, only what a change affects.
public struct RenderSelection: Sendable, Equatable {
    /// Report pages and their print pages.
    public var reports: ReportSelection
    /// Department pages, by slug.
    public var orgs: ReportSelection
    /// The home page, the documents register, 404, sitemap, robots.txt, the feed and the assets.
    public var sharedPages: Bool

    public init(reports: ReportSelection, orgs: ReportSelection, sharedPages: Bool) {
        self.reports = reports
        self.orgs = orgs
        self.sharedPages = sharedPages
    }

    public static let everything = RenderSelection(reports: .all, orgs: .all, sharedPages: true)
}
