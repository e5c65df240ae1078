/// What a template receives, as names and what each holds: every page kind's view type declares its shape, and the
/// template lint checks each template's names against the shape of the pages that render it, section by section.
package indirect enum ViewShape: Sendable, Equatable {
    /// Text, shown with `{{name}}` (and true in `{{#name}}` when present).
    case value
    /// true or false, for `{{#name}}` and `{{^name}}`.
    case flag
    /// Named values, read with `{{name.inner}}` or inside `{{#name}}`.
    case object([String: ViewShape])
    /// Items with these names, repeated by `{{#name}}…{{/name}}`.
    case list([String: ViewShape])
    /// The fields the schema declares, of a report's front matter or of a document declaration (`FieldList`): any
    /// name may be read, and the lint checks the names against schema.yaml once both are loaded.
    case fields(FieldOwner)

    package enum FieldOwner: String, Sendable {
        case report, document
    }

    /// The names inside an object or a list's items; none for a value or a flag.
    package var fields: [String: ViewShape] {
        switch self {
        case .object(let fields), .list(let fields): return fields
        case .value, .flag, .fields: return [:]
        }
    }

    /// Both shapes' names: an object that has the fields of both (the common page view and a page kind's own).
    package func merging(_ other: ViewShape) -> ViewShape {
        .object(fields.merging(other.fields) { _, new in new })
    }
}

/// A page kind's view: a Swift type with the shape of what it gives its template.
package protocol PageViewType {
    static var shape: ViewShape { get }
}
