/// The fields of a report's front matter or of a document declaration, as its schema typed them, in source order:
/// what templates read as `{{report.fields.NAME}}` and `{{fields.NAME}}` of a document. A portal that declares
/// 主送机关 (`addressee`), 主题分类 or 有效性 in schema.yaml shows them without a change to Gongkai.
public struct FieldList: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case date(SimpleDate)
        case flag(Bool)
        /// A list of text (`keywords: [法治政府, 年度报告]`).
        case list([String])

        /// The words the value is shown in: a date as `2023年7月12日`; nil for a flag, which is a section's test only.
        public var text: String? {
            switch self {
            case .text(let text): return text
            case .date(let date): return date.chinese
            case .list(let items): return items.joined(separator: "、")
            case .flag: return nil
            }
        }
    }

    public struct Entry: Sendable, Hashable {
        public let name: String
        public let value: Value

        package init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    public let entries: [Entry]

    package init(_ entries: [Entry]) { self.entries = entries }

    package static let empty = FieldList([])

    public subscript(name: String) -> Value? { entries.first { $0.name == name }?.value }

    /// For a fingerprint: each field as its name and value, in order.
    package var words: [String] {
        entries.flatMap { entry -> [String] in
            switch entry.value {
            case .text(let text): return [entry.name, "t", text]
            case .date(let date): return [entry.name, "d", date.description]
            case .flag(let flag): return [entry.name, flag ? "y" : "n"]
            case .list(let items): return [entry.name, "l", String(items.count)] + items
            }
        }
    }
}
