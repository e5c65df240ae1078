/// What a report must contain (`Content/schema.yaml`), edited by the portal team, not compiled in.
public struct Schema: Sendable {
    /// JSON Schemas of a report's front matter, of `org.yaml` and of `portal.yaml`.
    let frontMatter: JSONSchema
    let org: JSONSchema
    let portal: JSONSchema
    public let parts: [Part]
    /// The metric catalogue, keyed by metric key.
    public let metrics: [String: MetricDefinition]

    /// One of the items a report must cover, satisfied by a heading whose id or title is listed.
    public struct Part: Sendable {
        public let item: String
        public let ids: [String]
        public let titles: [String]
        /// Whether the part's sub-headings are the commitments that later reports cite with `plan:`.
        public let holdsPlans: Bool
        /// How a report that lacks the part is reported; nil (`severity: off`) for parts that may be left out.
        public let severity: Diagnostic.Severity?

        /// The titles that name this part in a report of `year`, normalised: headings compare without spaces
        /// (`2024 年工作思路` is `2024年工作思路`); `{year}` and `{next_year}` stand for the report's years.
        func acceptedTitles(year: Int) -> Set<String> {
            Set(titles.map { accepted in
                // Foundation's replacing is slow enough to show in a build's profile; most titles have no placeholder.
                guard accepted.utf8.contains(UInt8(ascii: "{")) else { return Self.normalized(accepted) }
                return Self.normalized(accepted.replacingOccurrences(of: "{year}", with: String(year))
                    .replacingOccurrences(of: "{next_year}", with: String(year + 1)))
            })
        }

        static func normalized(_ title: String) -> String {
            title.filter { !$0.isWhitespace }
        }
    }


    static let topLevelKeys = ["front_matter", "org", "portal", "structure", "metrics"]
}

public struct MetricDefinition: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case count, percent, amount }

    public let key: String
    public let label: String
    /// The units a figure may be written with; the first is the usual one.
    public let units: [String]
    public let kind: Kind
    /// Shown among a report's headline figures on the home page.
    public let headline: Bool
    /// Bounds a figure must lie within, where the catalogue gives them.
    public let minimum: Double?
    public let maximum: Double?
}

extension Double {
    /// `3` rather than `3.0`, for messages.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

extension Schema {
    static func read(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> Schema? {
        var top = FieldReader(node, what: "schema.yaml" | "schema.yaml ")
        top.rejectUnknownKeys(topLevelKeys)
        diagnostics += top.diagnostics
        guard node.entries != nil else { return nil }

        var schemas: [String: JSONSchema] = [:]
        for (key, fallback) in [("front_matter", nil), ("org", DefaultSchemas.org), ("portal", DefaultSchemas.portal)] {
            if let given = node[key] {
                diagnostics += SchemaLint.check(given)
                schemas[key] = JSONSchema(given)
            } else if let fallback {
                var ignored: [Diagnostic] = []
                let file = SourceFile(path: "(built-in \(key) schema)", text: fallback)
                schemas[key] = YAMLReader.read(fallback, in: file, firstLine: 1, into: &ignored).map(JSONSchema.init)
            } else {
                diagnostics.append(.error("schema.missing-field", at: node.location, "schema.yaml lacks `front_matter`, the schema of a report's front matter"
                                          | "schema.yaml 缺少 `front_matter`（报告前置信息的结构定义）"))
            }
        }
        let parts = (node["structure"]?["parts"]?.items ?? []).compactMap { readPart($0, into: &diagnostics) }
        var metrics: [String: MetricDefinition] = [:]
        for entry in node["metrics"]?.entries ?? [] {
            if let metric = readMetric(entry.key, entry.value, into: &diagnostics) { metrics[entry.key] = metric }
        }
        guard let frontMatter = schemas["front_matter"], let org = schemas["org"], let portal = schemas["portal"] else { return nil }
        return Schema(frontMatter: frontMatter, org: org, portal: portal, parts: parts, metrics: metrics)
    }

    private static func readPart(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> Part? {
        var reader = FieldReader(node, what: "a structure part" | "结构部分")
        reader.rejectUnknownKeys(["item", "ids", "titles", "severity", "plans"])
        let item = reader.string("item")
        let severityText = reader.optionalString("severity") ?? "warning"
        let part = Part(item: item ?? "", ids: reader.optionalStringList("ids"), titles: reader.optionalStringList("titles"),
                        holdsPlans: reader.optionalBool("plans") ?? false,
                        severity: Diagnostic.Severity(rawValue: severityText))
        if part.severity == nil, severityText != "off", let location = node["severity"]?.location {
            diagnostics.append(.error("schema.enum", at: location, "severity must be error, warning or off; found `\(severityText)`"
                                        | "severity 只能是 error、warning 或 off，此处为 `\(severityText)`",
                                      correction: Suggestion.correction(for: severityText, in: ["error", "warning", "off"])))
        }
        diagnostics += reader.diagnostics
        return item == nil ? nil : part
    }

    private static func readMetric(_ key: String, _ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> MetricDefinition? {
        var reader = FieldReader(node, what: "metric `\(key)`" | "指标 `\(key)` ")
        reader.rejectUnknownKeys(["label", "unit", "units", "kind", "headline", "minimum", "maximum"])
        let label = reader.string("label")
        var units = reader.optionalStringList("units")
        if let unit = reader.optionalString("unit") { units.insert(unit, at: 0) }
        let kindText = reader.string("kind")
        let headline = reader.optionalBool("headline") ?? false
        let minimum = reader.optionalNumber("minimum"), maximum = reader.optionalNumber("maximum")
        diagnostics += reader.diagnostics
        guard let label, let kindText else { return nil }
        guard let kind = MetricDefinition.Kind(rawValue: kindText) else {
            diagnostics.append(.error("schema.enum", at: node["kind"]?.location ?? node.location,
                                      "metric kind must be one of count, percent, amount; found `\(kindText)`"
                                        | "指标类型只能是 count、percent 或 amount，此处为 `\(kindText)`",
                                      correction: Suggestion.correction(for: kindText, in: MetricDefinition.Kind.allCases.map(\.rawValue))))
            return nil
        }
        return MetricDefinition(key: key, label: label, units: units, kind: kind, headline: headline, minimum: minimum, maximum: maximum)
    }
}
