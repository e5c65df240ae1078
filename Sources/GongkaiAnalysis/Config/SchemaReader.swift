import GongkaiBase
import GongkaiSyntax
import GongkaiModel

extension Schema {
    package static let topLevelKeys = ["front_matter", "org", "portal", "structure", "metrics", "deadline", "plans_across_departments", "severity"]

    package static func read(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> Schema? {
        var top = FieldReader(node, what: "schema.yaml" | "schema.yaml ")
        top.rejectUnknownKeys(topLevelKeys)
        let acrossDepartments = top.optionalBool("plans_across_departments") ?? false
        diagnostics += top.diagnostics
        guard node.entries != nil else { return nil }

        var schemas: [String: JSONSchema] = [:]
        let documents: [(key: String, fallback: String?, contract: [SchemaContract.Field])] = [
            ("front_matter", nil, SchemaContract.frontMatter), ("org", DefaultSchemas.org, SchemaContract.org),
            ("portal", DefaultSchemas.portal, SchemaContract.portal),
        ]
        for (key, fallback, contract) in documents {
            if let given = node[key], let location = node.entries?.first(where: { $0.key == key })?.keyLocation {
                diagnostics += SchemaLint.check(given)
                let schema = JSONSchemaCompiler.compile(given, at: location, into: &diagnostics)
                SchemaContract.check(schema, contract, what: key, into: &diagnostics)
                schemas[key] = schema
            } else if let fallback {
                var ignored: [Diagnostic] = []
                let file = SourceFile(path: "(built-in \(key) schema)", text: fallback)
                schemas[key] = YAMLReader.read(fallback, in: file, firstLine: 1, into: &ignored)
                    .map { JSONSchemaCompiler.compile($0, at: file.start, into: &ignored) }
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
        let deadline = readDeadline(node["deadline"], into: &diagnostics)
        let severities = readSeverities(node["severity"], into: &diagnostics)
        guard let frontMatter = schemas["front_matter"], let org = schemas["org"], let portal = schemas["portal"] else { return nil }
        return Schema(frontMatter: frontMatter, org: org, portal: portal, frontMatterSource: node["front_matter"], parts: parts, metrics: metrics, deadline: deadline,
                      plansAcrossDepartments: acrossDepartments, severities: severities)
    }

    /// `severity: {markdown.unlinked-figure: warning}`: the portal's level of a warning or note, by id, which the
    /// command line's `--severity` overrides.
    private static func readSeverities(_ node: YAMLNode?, into diagnostics: inout [Diagnostic]) -> [String: DiagnosticPolicy.Level] {
        guard let node else { return [:] }
        guard let entries = node.entries else {
            diagnostics.append(.error("schema.type", at: node.location, "`severity` is a mapping of diagnostic ids to levels"
                                        | "`severity` 应为诊断 id 到级别的映射",
                                      hint: "severity: {markdown.unlinked-figure: warning}" | "severity: {markdown.unlinked-figure: warning}"))
            return [:]
        }
        var levels: [String: DiagnosticPolicy.Level] = [:]
        for entry in entries {
            guard DiagnosticCatalogue.ids.contains(entry.key) else {
                diagnostics.append(.error("schema.unknown-key", at: entry.keyLocation,
                                          "`\(entry.key)` is not a diagnostic Gongkai reports" | "Gongkai 没有 `\(entry.key)` 这项诊断",
                                          correction: Suggestion.correction(for: entry.key, in: DiagnosticCatalogue.ids)))
                continue
            }
            guard let text = entry.value.string, let level = DiagnosticPolicy.Level(rawValue: text) else {
                diagnostics.append(.error("schema.enum", at: entry.value.location, "a level is error, warning, info or off"
                                            | "级别只能是 error、warning、info 或 off",
                                          correction: Suggestion.correction(for: entry.value.string ?? "", in: DiagnosticPolicy.Level.allCases.map(\.rawValue))))
                continue
            }
            levels[entry.key] = level
        }
        return levels
    }

    /// `deadline: "04-01"`: a month and day.
    private static func readDeadline(_ node: YAMLNode?, into diagnostics: inout [Diagnostic]) -> (month: Int, day: Int)? {
        guard let node else { return nil }
        if let text = node.string, let date = SimpleDate(iso: "2000-" + text) { return (date.month, date.day) }
        diagnostics.append(.error("schema.invalid-deadline", at: node.location,
                                  "`deadline` is a month and day, such as `\"04-01\"` (published before 1 April of the next year)"
                                    | "`deadline` 应为月和日，如 `\"04-01\"`（次年 4 月 1 日之前公开）"))
        return nil
    }

    private static func readPart(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> Part? {
        var reader = FieldReader(node, what: "a structure part" | "结构部分")
        reader.rejectUnknownKeys(["item", "ids", "titles", "phrases", "severity", "plans"])
        let item = reader.string("item")
        let severityText = reader.optionalString("severity") ?? "warning"
        let part = Part(item: item ?? "", ids: reader.optionalStringList("ids"), titles: reader.optionalStringList("titles"),
                        phrases: reader.optionalStringList("phrases"), holdsPlans: reader.optionalBool("plans") ?? false,
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
