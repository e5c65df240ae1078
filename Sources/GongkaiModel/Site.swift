import GongkaiBase
import GongkaiSyntax

/// Everything the sources say, checked and modelled: the input of rendering.
public struct Site: Sendable {
    public let portal: Portal
    public let schema: Schema
    /// Sorted by slug.
    public let orgs: [Org]
    /// Sorted by org, then year. Drafts only when the load asked for them.
    public let reports: [Report]
    /// What each source was when it was read (`fingerprint(of:)`).
    package let inputFingerprints: [SiteInput: UInt64]

    package init(portal: Portal, schema: Schema, orgs: [Org], reports: [Report], inputFingerprints: [SiteInput: UInt64] = [:]) {
        self.portal = portal
        self.schema = schema
        self.orgs = orgs
        self.reports = reports
        var fingerprints = inputFingerprints
        fingerprints[.orgList] = Fingerprint.of(orgs.map(\.slug))
        fingerprints[.reportList] = Fingerprint.of(reports.map(\.sitePath))
        for report in reports { fingerprints.merge(report.listingFingerprints) { _, new in new } }
        self.inputFingerprints = fingerprints
    }

    public func org(_ slug: String) -> Org? { orgs.first { $0.slug == slug } }

    public func reports(of org: String) -> [Report] { reports.filter { $0.org == org } }

    /// Each document declared in any report, with the reports that name it, in register order (newest first, then by title).
    public var documentRegister: [(document: DeclaredDocument, citedBy: [Report])] {
        var byKey: [String: (DeclaredDocument, [Report])] = [:]
        for report in reports {
            for document in report.documents {
                byKey[document.key, default: (document, [])].1.append(report)
            }
        }
        return byKey.values
            .map { (document: $0.0, citedBy: $0.1) }
            .sorted { lhs, rhs in
                let left = lhs.document.issued ?? SimpleDate(iso: "0001-01-01")!
                let right = rhs.document.issued ?? SimpleDate(iso: "0001-01-01")!
                if left != right { return left > right }
                return (lhs.document.title, lhs.document.key) < (rhs.document.title, rhs.document.key)
            }
    }
}
