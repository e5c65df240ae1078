import GongkaiBase
import GongkaiSyntax

/// A source a page can read, fingerprinted when the sources are read: a page whose inputs have the same
/// fingerprints as last time renders to the same bytes.
public enum SiteInput: Hashable, Sendable {
    /// portal.yaml.
    case portal
    /// schema.yaml: metric labels, structure parts.
    case schema
    /// A department's org.yaml, by slug.
    case org(String)
    /// One report, by site path (its bytes and everything its reading depends on).
    case report(String)
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
