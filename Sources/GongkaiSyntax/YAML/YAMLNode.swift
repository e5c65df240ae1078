import GongkaiBase

/// A YAML value with the place it was written, so every mistake in it can be reported at its line and column.
///
/// Scalars stay strings: what `no`, `0123` or `2023-07-12` mean is decided by the field that reads them,
/// never by YAML 1.1 guessing.
package indirect enum YAMLNode: Sendable {
    case scalar(String, SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: YAMLNode)], SourceLocation)
    case sequence([YAMLNode], SourceLocation)
    case null(SourceLocation)

    package var location: SourceLocation {
        switch self {
        case .scalar(_, let location), .mapping(_, let location), .sequence(_, let location), .null(let location):
            return location
        }
    }

    package var string: String? {
        if case .scalar(let value, _) = self { return value }
        return nil
    }

    package var entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }

    package var items: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    package subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// What the node is, in words, for "expected a date, found a list".
    package var kindName: Message {
        switch self {
        case .scalar: return "a text value" | "文本"
        case .mapping: return "a mapping" | "键值映射"
        case .sequence: return "a list" | "列表"
        case .null: return "nothing" | "空值"
        }
    }
}
