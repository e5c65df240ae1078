import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// Reads the fields of one mapping of schema.yaml (which has no schema of its own), collecting a diagnostic for each
/// missing, mistyped or unknown field. Front matter, org.yaml and portal.yaml are read through their schemas instead.
package struct FieldReader {
    package let node: YAMLNode
    package let what: Message
    private(set) var diagnostics: [Diagnostic] = []

    /// - Parameter what: how the mapping is named in messages ("the front matter", "portal.yaml").
    package init(_ node: YAMLNode, what: Message) {
        self.node = node
        self.what = what
        if node.entries == nil {
            diagnostics.append(.error("schema.type", at: node.location,
                                      "\(what.en) must be a mapping of `key: value` lines, found \(node.kindName.en)"
                                        | "\(what.zh)必须由 `键: 值` 行组成，此处为\(node.kindName.zh)"))
        }
    }

    /// Reports every key that is not in `known`, with the nearest known key as a hint.
    package mutating func rejectUnknownKeys(_ known: some Collection<String>) {
        for entry in node.entries ?? [] where !known.contains(entry.key) {
            diagnostics.append(.error("schema.unknown-key", at: entry.keyLocation,
                                      "unknown field `\(entry.key)` in \(what.en)" | "\(what.zh)中有未知字段 `\(entry.key)`",
                                      correction: Suggestion.correction(for: entry.key, in: known)))
        }
    }

    private mutating func required(_ key: String) -> YAMLNode? {
        guard let value = node[key], !value.isNull else {
            if node.entries != nil {
                diagnostics.append(.error("schema.missing-field", at: node.location,
                                          "\(what.en) lacks the required field `\(key)`" | "\(what.zh)缺少必填字段 `\(key)`",
                                          hint: "add a line `\(key): …`" | "添加一行 `\(key): …`"))
            }
            return nil
        }
        return value
    }

    package mutating func string(_ key: String) -> String? {
        guard let value = required(key) else { return nil }
        return string(value, key: key)
    }

    package mutating func optionalString(_ key: String) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        return string(value, key: key)
    }

    private mutating func string(_ value: YAMLNode, key: String) -> String? {
        guard let text = value.string else {
            diagnostics.append(.error("schema.type", at: value.location,
                                      "`\(key)` must be text, found \(value.kindName.en)" | "`\(key)` 必须是文本，此处为\(value.kindName.zh)"))
            return nil
        }
        return text
    }

    package mutating func optionalNumber(_ key: String) -> Double? {
        guard let value = node[key], !value.isNull, let text = string(value, key: key) else { return nil }
        guard let number = Double(text) else {
            diagnostics.append(.error("schema.type", at: value.location,
                                      "`\(key)` must be a number, found `\(text)`" | "`\(key)` 必须是数字，此处为 `\(text)`"))
            return nil
        }
        return number
    }

    package mutating func optionalBool(_ key: String) -> Bool? {
        guard let value = node[key], !value.isNull, let text = string(value, key: key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error("schema.type", at: value.location,
                                      "`\(key)` must be true or false, found `\(text)`" | "`\(key)` 只能是 true 或 false，此处为 `\(text)`"))
            return nil
        }
    }

    package mutating func optionalStringList(_ key: String) -> [String] {
        guard let value = node[key], !value.isNull else { return [] }
        guard let items = value.items else {
            diagnostics.append(.error("schema.type", at: value.location,
                                      "`\(key)` must be a list, found \(value.kindName.en)" | "`\(key)` 必须是列表，此处为\(value.kindName.zh)"))
            return []
        }
        return items.compactMap { string($0, key: key) }
    }
}

extension YAMLNode {
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
