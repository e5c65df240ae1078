import GongkaiBase
import GongkaiSyntax

/// A choice of reports by site path (`hs-gdb/2023/`), or of departments by slug: none, all, or some.
public enum ReportSelection: Sendable, Equatable {
    case none
    case all
    case only(Set<String>)

    public func includes(_ sitePath: String) -> Bool {
        switch self {
        case .none: return false
        case .all: return true
        case .only(let paths): return paths.contains(sitePath)
        }
    }
}
