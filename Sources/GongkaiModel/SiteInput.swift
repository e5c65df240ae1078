import GongkaiBase
import GongkaiSyntax

/// A source a page can read, fingerprinted when the sources are read: a page whose inputs have the same
/// fingerprints as last time renders to the same bytes.
public enum SiteInput: Hashable, Sendable {
    /// portal.yaml.
    case portal
    /// schema.yaml: metric labels, structure parts.
    case schema
    /// documents.yaml, which every report is read with (so it is part of each report's fingerprint).
    case catalogue
    /// A department's org.yaml, by slug.
    case org(String)
    /// One report, by site path (its bytes and everything its reading depends on).
    case report(String)
    /// What a report is listed with: title, year, status, numbers and dates (`ReportSummary` gives no more).
    case reportSummary(String)
    /// What a report's card on the home page shows besides its summary: its figures (the headlines), or its parts.
    case reportFigures(String)
    /// The documents a report declares and the places it names them, as the register shows them.
    case reportDocuments(String)
    /// A report's commitments and its `plan:` links, as the commitments page and earlier reports' pages show them.
    case reportPlans(String)
    /// What site search indexes: every report's bytes (its text, headings and documents) and every department's
    /// org.yaml, in one fingerprint — each of the index's thousands of files reads them all.
    case searchSources
    /// Which departments there are, in order.
    case orgList
    /// Which reports there are, in order.
    case reportList
}

extension Site {
    /// The fingerprint of an input; 0 for one the site does not have.
    public func fingerprint(of input: SiteInput) -> UInt64 {
        inputFingerprints[input] ?? 0
    }
}

extension Report {
    static func listingFingerprints(title: String, year: Int, status: Status, indexNumber: String?, documentNumber: String?,
                                    written: SimpleDate?, published: SimpleDate, frontMatter: FieldList, figures: [Figure], documents: [DeclaredDocument],
                                    mentions: [DocumentMention], parts: [HeadingEntry]) -> (summary: UInt64, figures: UInt64, documents: UInt64) {
        let declared: [String] = documents.flatMap { document -> [String] in
            [document.key, document.title, document.issued?.description ?? "", document.effective?.description ?? "",
             document.number ?? "", document.kind ?? "", document.issuer ?? ""] + document.fields.words
        }
        let named: [String] = mentions.flatMap { [$0.key, $0.anchor, $0.section] }
        return (
            Fingerprint.of([
                title, String(year), status.rawValue, indexNumber ?? "", documentNumber ?? "", written?.description ?? "",
                published.description,
            ] + frontMatter.words),
            Fingerprint.of(figures.flatMap { [$0.metric, $0.text, $0.valueText, $0.qualifier?.rawValue ?? "", $0.unit, $0.anchor, $0.section] }
                + parts.flatMap { [$0.number, $0.title] }),
            Fingerprint.of(declared + named)
        )
    }
}
