import GongkaiBase

/// What a semantic link in a report body points at, as data: the layout turns it into an address for each page.
public enum LinkTarget: Sendable, Hashable {
    /// A declared document's entry in the register.
    case document(key: String)
    /// A plan item of an earlier report.
    case plan(org: String, year: Int, id: String)
    /// A page or file of the portal by site path (`hs-gdb/2022/`), with an anchor on it: a `report:` link or a
    /// relative link, addressed from each page that shows the body (the print page is a folder deeper).
    case page(path: String, fragment: String?)
}
