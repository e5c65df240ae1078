import Foundation
import GongkaiBase
import GongkaiSyntax

/// A JSON Schema (2020-12 subset) of front matter, `org.yaml` or `portal.yaml`, compiled once when schema.yaml is
/// read: `$ref`s resolved, patterns compiled. Rules refer to each other by index, so a definition may refer to
/// itself.
package struct JSONSchema: Sendable {
    package struct Rule: Sendable {
        /// The schema `false`: no value is allowed.
        package var rejectsEverything = false
        package var type: String?
        package var allowed: [String]?
        package var constant: String?
        package var pattern: Pattern?
        package var minLength: Int?
        package var maxLength: Int?
        package var minimum: Double?
        package var maximum: Double?
        /// What `format:` gives of a date: `date` (a day), `year-month`, `year`, or `partial-date` (any of them);
        /// nil for text that is no date.
        package var datePrecisions: Set<SimpleDate.Precision>?
        package var isDate: Bool { datePrecisions != nil }
        /// `x-within-report-year: true`.
        package var withinReportYear = false
        package var required: [String] = []
        package var properties: [(key: String, rule: Int)] = []
        package var additional = Additional.allowed
        package var items: Int?
        package var minItems: Int?
        package var maxItems: Int?
        /// Where the rule is written in schema.yaml.
        package var location: SourceLocation?

        package init() {}

        package func property(_ key: String) -> Int? { properties.first { $0.key == key }?.rule }
    }

    /// What a mapping may hold besides its `properties`.
    package enum Additional: Sendable {
        case allowed, forbidden, rule(Int)
    }

    package struct Pattern: Sendable {
        package let source: String
        package let regex: NSRegularExpression

        package init(source: String, regex: NSRegularExpression) {
            self.source = source
            self.regex = regex
        }

        package func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    package let rules: [Rule]
    package let root: Int
    /// Where the schema is written (its key in schema.yaml), for what is wrong with the schema as a whole.
    package let location: SourceLocation

    package init(rules: [Rule], root: Int, location: SourceLocation) {
        self.rules = rules
        self.root = root
        self.location = location
    }

    package subscript(_ index: Int) -> Rule { rules[index] }

    /// The fields a mapping's rule lists; nil when it allows others too (`additionalProperties` not false).
    package func declaredNames(of index: Int) -> Set<String>? {
        guard case .forbidden = rules[index].additional else { return nil }
        return Set(rules[index].properties.map(\.key))
    }

    /// The `format:` values this subset knows, with the precisions of date each accepts.
    package static let dateFormats: [String: Set<SimpleDate.Precision>] = [
        "date": [.day], "year-month": [.month], "year": [.year], "partial-date": [.year, .month, .day],
    ]

    /// The keywords this subset understands; any other key in a schema is a mistake in schema.yaml.
    package static let keywords: Set<String> = [
        "type", "required", "properties", "additionalProperties", "enum", "const", "pattern", "minimum", "maximum",
        "minLength", "maxLength", "format", "items", "minItems", "maxItems", "$defs", "$ref", "description", "title",
        "x-within-report-year",
    ]
}
