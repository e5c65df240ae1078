import GongkaiBase
import GongkaiSyntax

/// Everything the sources say, checked and modelled: the input of rendering.
public struct Site: Sendable {
    public let portal: Portal
    public let schema: Schema
    /// In the portal's order (`Org.precedes`: `order:`, then the pinyin of names).
    public let orgs: [Org]
    /// Sorted by org, then year. Drafts only when the load asked for them.
    public let reports: [Report]
    /// What the link stage found across reports.
    public let links: SiteLinks
    /// documents.yaml, which a report's body is read with again when the build cache kept it on disk.
    public let catalogue: DocumentCatalogue
    /// What each source was when it was read (`fingerprint(of:)`).
    package let inputFingerprints: [SiteInput: UInt64]

    package init(portal: Portal, schema: Schema, orgs: [Org], reports: [Report], links: SiteLinks, catalogue: DocumentCatalogue = .empty,
                 inputFingerprints: [SiteInput: UInt64] = [:]) {
        self.catalogue = catalogue
        self.portal = portal
        self.schema = schema
        self.orgs = orgs
        self.reports = reports
        self.links = links
        var fingerprints = inputFingerprints
        fingerprints[.orgList] = Fingerprint.of(orgs.map(\.slug))
        fingerprints[.reportList] = Fingerprint.of(reports.map(\.sitePath))
        for report in reports {
            let listing = report.listingFingerprints
            fingerprints[.reportSummary(report.sitePath)] = listing.summary
            fingerprints[.reportFigures(report.sitePath)] = listing.figures
            fingerprints[.reportDocuments(report.sitePath)] = listing.documents
            fingerprints[.reportPlans(report.sitePath)] = Fingerprint.of(report.planItems.flatMap { [$0.id, $0.number, $0.title, $0.text] }
                + report.planReferences.flatMap { [$0.org, String($0.year), $0.id, $0.anchor, $0.section] })
        }
        fingerprints[.searchSources] = Fingerprint.combining(reports.map { fingerprints[.report($0.sitePath)] ?? 0 }
            + orgs.map { fingerprints[.org($0.slug)] ?? 0 })
        self.inputFingerprints = fingerprints
    }

    public func org(_ slug: String) -> Org? { orgs.first { $0.slug == slug } }

    public func reports(of org: String) -> [Report] { reports.filter { $0.org == org } }
}
