import GongkaiModel

extension FieldList {
    /// The fields as a template reads them: text and dates as text (`2023年7月12日`, `2023年7月`), true or false as a
    /// flag for `{{#fields.NAME}}`, a list as its items for `{{#fields.NAME}}{{.}}{{/fields.NAME}}`.
    package var view: [String: Any] {
        var view: [String: Any] = [:]
        for entry in entries {
            switch entry.value {
            case .text(let text): view[entry.name] = text
            case .date(let date): view[entry.name] = date.chinese
            case .flag(let flag): view[entry.name] = flag
            case .list(let items): view[entry.name] = items
            }
        }
        return view
    }
}
