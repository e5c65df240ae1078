import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// The link stage: everything across reports, once every report is analysed — the checks that need them all
/// (`CrossReferenceCheck`) and the indexes the portal's pages are built from (`SiteLinks`).
package enum SiteLinker {
    package static func link(_ reports: [Report], orgs: [String] = [], catalogue: DocumentCatalogue = .empty, plansAcrossDepartments: Bool = false)
        -> (links: SiteLinks, diagnostics: [Diagnostic]) {
        let register = documentRegister(reports)
        return (SiteLinks(documentRegister: register),
                CrossReferenceCheck.run(reports: reports, catalogue: catalogue, plansAcrossDepartments: plansAcrossDepartments)
                    + PageLinkCheck.run(reports: reports, orgs: orgs, documentKeys: register.map(\.document.key)))
    }

    private static func documentRegister(_ reports: [Report]) -> [(document: DeclaredDocument, citedBy: [Report])] {
        var byKey: [String: (DeclaredDocument, [Report])] = [:]
        for report in reports {
            for document in report.documents {
                byKey[document.key, default: (document, [])].1.append(report)
            }
        }
        let undated = SimpleDate(iso: "0001-01-01")!
        // Documents of one date (the undated ones above all) by the pinyin of their titles.
        let keys = ChineseCollation.sortKeys(for: byKey.values.map(\.0.title))
        return byKey.values
            .map { (document: $0.0, citedBy: $0.1) }
            .sorted { lhs, rhs in
                let left = lhs.document.issued ?? undated, right = rhs.document.issued ?? undated
                if left != right { return left > right }
                let leftKey = keys[lhs.document.title] ?? [], rightKey = keys[rhs.document.title] ?? []
                if leftKey != rightKey { return leftKey.lexicographicallyPrecedes(rightKey) }
                return (lhs.document.title, lhs.document.key) < (rhs.document.title, rhs.document.key)
            }
    }
}
